using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.People;

/// <summary>Derives a stack's people access resources from its definition and a day: a pure function over the access snapshot.</summary>
public static class PeopleAccessBlueprints
{
    /// <summary>VPN client certificates last a month and are renewed in their last week, so a leaver's certificate is never long-lived.</summary>
    public const int VpnCertificateTtlSeconds = 30 * 24 * 3600;
    public const int VpnRenewWithinSeconds = 7 * 24 * 3600;

    /// <summary>
    /// People's Consul tokens expire two weeks after the Monday of the run's week: between 7 and 14 days left, and a
    /// new token once a week (the expiry cannot change in place). A leaver's token expires with their access anyway.
    /// </summary>
    public static readonly TimeSpan ConsulTokenLifetime = TimeSpan.FromDays(14);

    public static PeopleAccessBlueprint For(StackDefinition definition, DateOnly day) => For(definition, PersonDefinition.StartOf(day));

    /// <summary>The resources of the people with access at <paramref name="at"/>: a run removes whoever's access ended before it, to the second.</summary>
    public static PeopleAccessBlueprint For(StackDefinition definition, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var snapshot = AccessCalculator.Calculate(definition, at);
        var catalog = definition.Catalog;
        var active = catalog.People.Where(p => p.HasAccessAt(at)).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var platformTeams = catalog.Teams.Where(t => t.IsPlatform).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var stackNetworks = definition.Networks.Select(n => n.Cidr).ToList();

        var identities = active
            .Select(p => new VaultIdentityBlueprint(p.Id, p.Id, p.Id, p.Email, p.Teams, PeopleNames.AccessEnds(p), p.Teams.Any(platformTeams.Contains)))
            .ToEquatableList();
        var groups = catalog.Teams
            .Where(t => t.Entitlements.Vault.Count > 0)
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => new VaultTeamGroupBlueprint(t.Id, PeopleNames.VaultGroup(t.Id), VaultNames.TeamPolicy(t.Id),
                active.Where(p => p.Teams.Contains(t.Id)).Select(p => p.Id).ToEquatableList(), Type: "internal"))
            .ToEquatableList();
        var gitlab = definition.Environment != EnvironmentKind.Production
            ? []
            : snapshot.Entries
                .Where(e => e.System == AccessSystems.GitLab && e.Grant is null)
                .Select(e => new GitLabMembershipBlueprint(e.Person, e.Resource, GitLabLevel(e, platformTeams), e.Until?.AddDays(1)))
                .ToEquatableList();
        var vpnRole = new VpnPkiRoleBlueprint(
            VaultNames.PkiMount,
            PeopleNames.VpnPkiRole,
            PeopleNames.VpnDomain(definition.StackName),
            VpnCertificateTtlSeconds,
            "ec",
            256,
            AllowBareDomains: false,
            AllowSubdomains: true,
            AllowAnyName: false,
            EnforceHostnames: true,
            ServerFlag: false,
            ClientFlag: true);
        var certificates = snapshot.Entries
            .Where(e => e.System == AccessSystems.Vpn && e.Grant is null)
            .Select(e => e.Person)
            .Distinct(StringComparer.Ordinal)
            .Select(p => new VpnCertificateBlueprint(p, $"{p}.{vpnRole.Domain}", VpnCertificateTtlSeconds, VpnRenewWithinSeconds, AutoRenew: true, Revoke: true))
            .ToEquatableList();
        var authorizations = catalog.Teams
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .SelectMany(t => t.Entitlements.Vpn
                .Where(n => AccessCalculator.ReachesStack(n, stackNetworks))
                .Select(n => new VpnAuthorizationBlueprint(t.Id, n.ToString(), PeopleNames.VpnAccessGroup(t.Id), $"{t.Name} reaches {n}")))
            .ToEquatableList();
        var consul = snapshot.Entries.Where(e => e.System == AccessSystems.Consul && e.Grant is null).ToList();
        var tokenWeek = PersonDefinition.StartOf(DateOnly.FromDateTime(at.UtcDateTime)).AddDays(-(((int)at.UtcDateTime.DayOfWeek + 6) % 7));
        var tokens = consul
            .Select(e => new ConsulTokenBlueprint(e.Person, $"{e.Person} ({e.Why}); managed by {PeopleNames.ManagedBy}", PeopleNames.ConsulPolicy(e.Level), Local: false,
                Earlier(tokenWeek + ConsulTokenLifetime, AccessEndsAt(active.Single(p => p.Id == e.Person)))))
            .ToEquatableList();
        var policies = consul.Select(e => e.Level).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(ConsulPolicy).ToEquatableList();
        return new PeopleAccessBlueprint(definition.StackName, at, identities, groups, gitlab, vpnRole, certificates, authorizations, policies, tokens);
    }

    /// <summary>The instant the person's access ends: the time of a leave or termination, else the end of the last day; null without end.</summary>
    private static DateTimeOffset? AccessEndsAt(PersonDefinition person) =>
        person.EndsAt ?? (person.End is { } end ? PersonDefinition.StartOf(end.AddDays(1)) : null);

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;

    /// <summary>Owner only through the platform team; validation already refuses it elsewhere, and this keeps it so.</summary>
    private static GitLabAccessLevel GitLabLevel(AccessEntry entry, HashSet<string> platformTeams)
    {
        var level = Enum.Parse<GitLabAccessLevel>(entry.Level, ignoreCase: true);
        return level == GitLabAccessLevel.Owner && !entry.Teams.Any(platformTeams.Contains) ? GitLabAccessLevel.Maintainer : level;
    }

    /// <summary>
    /// People read the catalog, services, nodes and KV; write adds changes to KV and sessions (locks). Service
    /// registrations stay read for everyone: only a fleet's own token registers its service.
    /// </summary>
    private static ConsulPolicyBlueprint ConsulPolicy(string level)
    {
        var policy = level == ValueReader.EnumName(ConsulAccess.Write) ? "write" : "read";
        var rules = string.Join('\n',
            "node_prefix \"\" {",
            "  policy = \"read\"",
            "}",
            "service_prefix \"\" {",
            "  policy = \"read\"",
            "}",
            "key_prefix \"\" {",
            $"  policy = \"{policy}\"",
            "}",
            "session_prefix \"\" {",
            $"  policy = \"{policy}\"",
            "}") + "\n";
        return new ConsulPolicyBlueprint(PeopleNames.ConsulPolicy(level), level, rules);
    }
}
