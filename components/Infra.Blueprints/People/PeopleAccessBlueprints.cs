using System.Globalization;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.People;

/// <summary>Derives a stack's people access resources from its definition and an instant: a pure function over the access snapshot, grants included.</summary>
public static class PeopleAccessBlueprints
{
    /// <summary>
    /// A VPN client certificate lasts at most a week: a person signs a new one with one command when it runs out, and a
    /// leaver's, besides being revoked, is never long-lived.
    /// </summary>
    public const int VpnCertificateTtlSeconds = 7 * 24 * 3600;

    /// <summary>The VPN CA's root lasts five years; the Client VPN endpoint trusts it, so it is replaced only by a planned step.</summary>
    public const int VpnCaTtlSeconds = 5 * 365 * 24 * 3600;

    /// <summary>
    /// People's Consul tokens expire two weeks after the Monday of the run's week: between 7 and 14 days left, and a
    /// new token once a week (the expiry cannot change in place). A leaver's token expires with their access anyway.
    /// </summary>
    public static readonly TimeSpan ConsulTokenLifetime = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a leaver's Vault entity stays, disabled, after their access ends: Vault's default maximum token lifetime
    /// (32 days), the longest a token of the people's login method can live, since that mount is not managed here. Deleting
    /// the entity earlier would let its tokens work again with their own policies; disabled, none of them is usable.
    /// </summary>
    public static readonly TimeSpan LeaverEntityKept = TimeSpan.FromDays(32);

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

        var databaseGrants = snapshot.Entries
            .Where(e => e.System == GrantKinds.Database && e.Grant is not null)
            .Select(e => DatabaseGrant(e, definition.Vault, Earlier(GrantEndsAt(e.Grant!, catalog), AccessEndsAt(active.Single(p => p.Id == e.Person)))))
            .ToEquatableList();
        var grantPolicies = databaseGrants.GroupBy(g => g.Person, StringComparer.Ordinal)
            .Select(g => new VaultPolicy(VaultNames.GrantPolicy(g.Key), VaultPolicyHcl.Canonical(
                g.Select(r => new VaultPathGrant($"{r.Backend}/creds/{r.RoleName}", [VaultCapability.Read]))).ToEquatableList()))
            .ToEquatableList();
        var leavers = catalog.People.Where(p => AccessEndsAt(p) is { } ended && ended <= at && at < ended + LeaverEntityKept && PersonDefinition.StartOf(p.Start) < ended);
        var vpn = snapshot.Entries.Where(e => e.System == AccessSystems.Vpn).ToList();
        var vpnPeople = vpn.Select(e => e.Person).ToHashSet(StringComparer.Ordinal);
        var identities = active
            .Select(p => new VaultIdentityBlueprint(p.Id, p.Id, p.Id, p.Email, p.Teams, PeopleNames.AccessEnds(p), p.Teams.Any(platformTeams.Contains),
                grantPolicies.Where(g => g.Name == VaultNames.GrantPolicy(p.Id)).Select(g => g.Name)
                    .Concat(vpnPeople.Contains(p.Id) ? [PeopleNames.VpnCertificatePolicy] : []).ToEquatableList(), Disabled: false))
            .Concat(leavers.Select(p => new VaultIdentityBlueprint(p.Id, p.Id, p.Id, p.Email, p.Teams, PeopleNames.AccessEnds(p), p.Teams.Any(platformTeams.Contains), [], Disabled: true)))
            .OrderBy(i => i.Person, StringComparer.Ordinal)
            .ToEquatableList();
        var groups = catalog.Teams
            .Where(t => t.Entitlements.Vault.Count > 0)
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => new VaultTeamGroupBlueprint(t.Id, PeopleNames.VaultGroup(t.Id), VaultNames.TeamPolicy(t.Id),
                active.Where(p => p.Teams.Contains(t.Id)).Select(p => p.Id).ToEquatableList(), Type: "internal"))
            .ToEquatableList();
        // GitLab holds one membership per person and group: the highest level of their teams and grants; a grant's raises
        // it until the grant's end, when GitLab removes the membership and the next run gives back the team's level.
        var gitlab = definition.Environment != EnvironmentKind.Production
            ? []
            : snapshot.Entries
                .Where(e => e.System == AccessSystems.GitLab)
                .GroupBy(e => (e.Person, e.Resource))
                .Select(g => g.OrderByDescending(e => GitLabLevel(e, platformTeams)).ThenBy(e => e.Grant is null ? 0 : 1).First())
                .Select(e => new GitLabMembershipBlueprint(e.Person, e.Resource, GitLabLevel(e, platformTeams), e.Until?.AddDays(1)))
                .ToEquatableList();
        var vpnPki = VpnPki(definition.StackName);
        var vpnRole = VpnRole(vpnPki, definition.StackName);
        // The same rules on the endpoint of each region: the secondary's serves whoever the primary's did when the primary is lost.
        var vpnEndpoints = new[] { definition.Regions.Primary, definition.Regions.Secondary }.Distinct(StringComparer.Ordinal)
            .Select(region => new VpnEndpointBlueprint(region, PeopleNames.VpnEndpoint(definition.StackName)))
            .ToEquatableList();
        var rules = catalog.Teams
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .SelectMany(t => t.Entitlements.Vpn
                .Where(n => AccessCalculator.ReachesStack(n, stackNetworks))
                .Select(n => (Owner: t.Id, Network: n.ToString(), Group: PeopleNames.VpnAccessGroup(t.Id), Description: $"{t.Name} reaches {n}")))
            // A network that only an on-call rota gives: a rule for each member's own group, as for a grant.
            .Concat(vpn.Where(e => e.Grant is null && e.Teams.All(PeopleNames.IsOnCallRota)).Select(e => (Owner: $"oncall-{e.Person}", Network: e.Resource,
                Group: PeopleNames.VpnPersonGroup(e.Person), Description: $"{e.Person} reaches {e.Resource} ({e.Why})")))
            .Concat(vpn.Where(e => e.Grant is not null).Select(e => (Owner: $"grant-{e.Person}", Network: e.Resource, Group: PeopleNames.VpnPersonGroup(e.Person),
                Description: $"{e.Person} reaches {e.Resource} until {e.Until:yyyy-MM-dd} (grant approved by {e.Grant!.Approver})")))
            .ToList();
        var authorizations = vpnEndpoints
            .SelectMany(endpoint => rules.Select(r => new VpnAuthorizationBlueprint(r.Owner, r.Network, r.Group, r.Description, endpoint.Region,
                endpoint.Region == definition.Regions.Primary ? VpnAuthorizationBlueprint.UnregionedKey(r.Owner, r.Network) : null)))
            .ToEquatableList();
        // One token per person, at the highest level of their teams and Consul grants; a grant's level expires with the grant.
        var tokenWeek = PersonDefinition.StartOf(DateOnly.FromDateTime(at.UtcDateTime)).AddDays(-(((int)at.UtcDateTime.DayOfWeek + 6) % 7));
        var consul = snapshot.Entries
            .Where(e => e.System == AccessSystems.Consul)
            .GroupBy(e => e.Person, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(e => e.Level == ValueReader.EnumName(ConsulAccess.Write)).ThenBy(e => e.Grant is null ? 0 : 1).First())
            .ToList();
        var tokens = consul
            .Select(e => new ConsulTokenBlueprint(e.Person, $"{e.Person} ({e.Why}); managed by {PeopleNames.ManagedBy}", PeopleNames.ConsulPolicy(e.Level), Local: false,
                Earlier(Earlier(tokenWeek + ConsulTokenLifetime, AccessEndsAt(active.Single(p => p.Id == e.Person))), e.Grant is { } grant ? GrantEndsAt(grant, catalog) : null)))
            .ToEquatableList();
        var policies = consul.Select(e => e.Level).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(ConsulPolicy).ToEquatableList();
        var sessions = snapshot.Entries
            .Where(e => e.System == GrantKinds.Session && e.Grant is not null)
            .SelectMany(e => new[] { definition.Regions.Primary, definition.Regions.Secondary }.Distinct(StringComparer.Ordinal)
                .Select(region => SessionGrant(e, region, Earlier(GrantEndsAt(e.Grant!, catalog), AccessEndsAt(active.Single(p => p.Id == e.Person))))))
            .ToEquatableList();
        return new PeopleAccessBlueprint(definition.StackName, at, identities, groups, gitlab, vpnPki, vpnRole, VpnCertificatePolicy(vpnRole), vpnEndpoints, authorizations, policies, tokens,
            databaseGrants, grantPolicies, sessions);
    }

    private static VpnPkiBlueprint VpnPki(string stack) => new(
        new VaultMount(PeopleNames.VpnPkiMount, "pki", "People's VPN client certificates, signed from CSRs; the Client VPN endpoint trusts this CA alone", [], VpnCaTtlSeconds),
        $"{stack} VPN client CA",
        PeopleNames.VpnIssuer,
        "internal",
        "rsa",
        2048,
        VpnCaTtlSeconds,
        Protect: true,
        TidyInterval: "12h",
        TidySafetyBuffer: "72h");

    /// <summary>The role signs only the caller's own name, <c>{entity name}.vpn.{stack}.internal</c>, for client use.</summary>
    private static VpnPkiRoleBlueprint VpnRole(VpnPkiBlueprint pki, string stack) => new(
        pki.Mount.Path,
        PeopleNames.VpnPkiRole,
        pki.IssuerName,
        PeopleNames.VpnCommonName("{{identity.entity.name}}", stack),
        AllowedDomainsTemplate: true,
        VpnCertificateTtlSeconds,
        VpnCertificateTtlSeconds,
        "rsa",
        2048,
        AllowBareDomains: true,
        AllowSubdomains: false,
        AllowGlobDomains: false,
        AllowAnyName: false,
        AllowIpSans: false,
        AllowLocalhost: false,
        EnforceHostnames: true,
        RequireCn: true,
        UseCsrCommonName: false,
        UseCsrSans: false,
        ServerFlag: false,
        ClientFlag: true,
        ["ClientAuth"],
        NoStore: false);

    /// <summary>Signing through the role is all the policy allows: no issue (Vault would make the key), no other role.</summary>
    private static VaultPolicy VpnCertificatePolicy(VpnPkiRoleBlueprint role) =>
        new(PeopleNames.VpnCertificatePolicy, [new VaultPathGrant($"{role.Mount}/sign/{role.Name}", [VaultCapability.Update])]);

    /// <summary>
    /// The Vault role of a database grant. Vault fills in <c>{{name}}</c>, <c>{{password}}</c> and <c>{{expiration}}</c>;
    /// PostgreSQL refuses the user once the grant has ended and never lets the login outlive it.
    /// </summary>
    private static DatabaseGrantBlueprint DatabaseGrant(AccessEntry entry, VaultSettings vault, DateTimeOffset endsAt)
    {
        var ends = endsAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'+00'", CultureInfo.InvariantCulture);
        var database = entry.Resource;
        return new DatabaseGrantBlueprint(
            entry.Person,
            database,
            entry.Level,
            VaultNames.DatabaseMount,
            database,
            VaultNames.DatabaseGrantRole(database, entry.Person, entry.Level),
            (int)vault.DatabaseCredentialTtl.TotalSeconds,
            (int)vault.DatabaseCredentialMaxTtl.TotalSeconds,
            [
                VaultBlueprints.CreateRoleSelfGrant,
                $"DO $grant$ BEGIN IF now() >= TIMESTAMPTZ '{ends}' THEN RAISE EXCEPTION 'the {entry.Level} grant of {entry.Person} on {database} ended at {ends}'; END IF; END $grant$;",
                "CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';",
                $"DO $grant$ BEGIN IF TIMESTAMPTZ '{{{{expiration}}}}' > TIMESTAMPTZ '{ends}' THEN ALTER ROLE \"{{{{name}}}}\" VALID UNTIL '{ends}'; END IF; END $grant$;",
                $"GRANT \"{VaultNames.GrantGroupRole(database, entry.Level)}\" TO \"{{{{name}}}}\";",
            ],
            [
                $"REASSIGN OWNED BY \"{{{{name}}}}\" TO \"{VaultNames.SchemaOwner(database)}\";",
                "DROP OWNED BY \"{{name}}\";",
                "DROP ROLE IF EXISTS \"{{name}}\";",
            ],
            endsAt);
    }

    /// <summary>A session grant on the service's fleet in <paramref name="region"/>: Session Manager's channel there, until the grant ends.</summary>
    private static SessionGrantBlueprint SessionGrant(AccessEntry entry, string region, DateTimeOffset endsAt) => new(
        entry.Person,
        entry.Resource,
        FleetBlueprints.FleetName(entry.Resource, region),
        region,
        PeopleNames.SessionGrantPolicy(entry.Person),
        IamPolicyDocuments.Allow([SsmAgentPermissions.SessionChannel(region, endsAt)]),
        endsAt);

    /// <summary>The instant a grant stops: the end of its expiry day, or earlier when its approver's access ends first.</summary>
    private static DateTimeOffset GrantEndsAt(TemporaryGrant grant, Catalog catalog) =>
        Earlier(grant.EndsAt, catalog.People.SingleOrDefault(p => p.Id == grant.Approver) is { } approver ? AccessEndsAt(approver) : null);

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
