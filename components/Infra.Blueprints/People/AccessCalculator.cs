using System.Net;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.People;

/// <summary>
/// Who reaches what in a stack at an instant: a pure function of the catalogs, the stack's networks and
/// the time. A person reaches nothing before their first day or after their access ends (the end of
/// their last day, or the time of a leave or termination); a grant counts from the start of its first
/// day to the end of its expiry day, in the stacks that hold what it opens, and never past the end of the
/// person or of its approver. A member of a team's on-call rota reaches every network of the stack. A day means its first
/// instant (UTC).
/// </summary>
public static class AccessCalculator
{
    public static AccessSnapshot Calculate(StackDefinition definition, DateOnly day) => Calculate(definition, PersonDefinition.StartOf(day));

    public static AccessSnapshot Calculate(StackDefinition definition, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var catalog = definition.Catalog;
        var stack = new StackScope(definition.StackName, [.. definition.Networks.Select(n => n.Cidr)],
            definition.Databases.Select(d => d.Name).ToHashSet(StringComparer.Ordinal),
            definition.Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal),
            catalog.People.ToDictionary(p => p.Id, StringComparer.Ordinal));
        var teams = catalog.Teams.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var entries = new List<AccessEntry>();
        var ended = new List<string>();
        foreach (var person in catalog.People.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            if (person.HasAccessAt(at))
            {
                entries.AddRange(ForPerson(person, teams, stack, at));
            }
            else if (PersonDefinition.StartOf(person.Start) <= at)
            {
                ended.Add(person.Id);
            }
        }
        return new AccessSnapshot(definition.StackName, at, entries.ToEquatableList(), ended.ToEquatableList());
    }

    /// <summary>Whether a team's VPN network lies in (or spans) one of the stack's networks.</summary>
    public static bool ReachesStack(IPNetwork network, IReadOnlyList<IPNetwork> stackNetworks)
    {
        ArgumentNullException.ThrowIfNull(stackNetworks);
        return stackNetworks.Any(s => s.Contains(network.BaseAddress) || network.Contains(s.BaseAddress));
    }

    /// <summary>What a stack holds that decides whether a grant counts in it, and the people who approve grants.</summary>
    private sealed record StackScope(string Name, IReadOnlyList<IPNetwork> Networks, IReadOnlySet<string> Databases, IReadOnlySet<string> Services,
        IReadOnlyDictionary<string, PersonDefinition> People);

    private static IEnumerable<AccessEntry> ForPerson(PersonDefinition person, Dictionary<string, TeamDefinition> teams, StackScope stack, DateTimeOffset at)
    {
        // One entry per system, resource and level; the teams that give it are collected.
        var byTarget = new SortedDictionary<(string System, string Resource), (string Level, int Rank, List<string> Teams)>();
        void Add(string system, string resource, string level, int rank, string team)
        {
            if (!byTarget.TryGetValue((system, resource), out var current))
            {
                byTarget[(system, resource)] = (level, rank, [team]);
                return;
            }
            current.Teams.Add(team);
            if (rank > current.Rank)
            {
                byTarget[(system, resource)] = (level, rank, current.Teams);
            }
        }
        foreach (var teamId in person.Teams)
        {
            if (!teams.TryGetValue(teamId, out var team))
            {
                continue;
            }
            var entitlements = team.Entitlements;
            foreach (var gitlab in entitlements.GitLab)
            {
                Add(AccessSystems.GitLab, gitlab.Group, ValueReader.EnumName(gitlab.Access), (int)gitlab.Access, team.Id);
            }
            if (entitlements.Vault.Count > 0)
            {
                Add(AccessSystems.Vault, VaultNames.TeamPolicy(team.Id), "policy", 0, team.Id);
            }
            foreach (var network in entitlements.Vpn.Where(n => ReachesStack(n, stack.Networks)))
            {
                Add(AccessSystems.Vpn, network.ToString(), "connect", 0, team.Id);
            }
            if (entitlements.Consul != ConsulAccess.None)
            {
                Add(AccessSystems.Consul, PeopleNames.ConsulToken(person.Id), ValueReader.EnumName(entitlements.Consul), (int)entitlements.Consul, team.Id);
            }
        }
        // A team's on-call rota reaches every network of the stack, whichever region: it answers for the services wherever they run.
        foreach (var team in person.Teams.Select(id => teams.GetValueOrDefault(id)).OfType<TeamDefinition>().Where(t => t.OnCallRota.Contains(person.Id)))
        {
            foreach (var network in stack.Networks)
            {
                Add(AccessSystems.Vpn, network.ToString(), "connect", 0, PeopleNames.OnCallRota(team.Id));
            }
        }
        var entries = byTarget.Select(e => new AccessEntry(
            person.Id, e.Key.System, e.Key.Resource, e.Value.Level, e.Value.Teams.ToEquatableList(), null, person.End)).ToList();
        foreach (var grant in person.Grants.Where(g => g.IsActiveAt(at)).OrderBy(g => g.System, StringComparer.Ordinal).ThenBy(g => g.Access, StringComparer.Ordinal))
        {
            // A grant counts only while its approver has access: never on the word of someone who has left.
            if (!stack.People.TryGetValue(grant.Approver, out var approver) || !approver.HasAccessAt(at)
                || GrantedResource(person, grant, stack) is not var (system, resource))
            {
                continue;
            }
            var until = new[] { grant.Expires, person.End, approver.End }.OfType<DateOnly>().Min();
            // Two grants for the same access: the one that lasts longer says until when.
            var same = entries.FindIndex(e => e.Grant is not null && e.System == system && e.Resource == resource && e.Level == grant.Access);
            if (same < 0)
            {
                entries.Add(new AccessEntry(person.Id, system, resource, grant.Access, [], grant, until));
            }
            else if (entries[same].Until < until)
            {
                entries[same] = entries[same] with { Grant = grant, Until = until };
            }
        }
        return entries.OrderBy(e => e.System, StringComparer.Ordinal).ThenBy(e => e.Resource, StringComparer.Ordinal).ThenBy(e => e.Level, StringComparer.Ordinal);
    }

    /// <summary>
    /// What a grant opens in this stack, as the report names it, or null when it opens nothing here: a database the stack
    /// does not hold, a network outside its VPCs, the Consul of another stack (a Consul grant is the person's token), a
    /// session on another stack's fleet (a session grant names the service).
    /// </summary>
    private static (string System, string Resource)? GrantedResource(PersonDefinition person, TemporaryGrant grant, StackScope stack)
    {
        var (kind, resource) = GrantKinds.Split(grant);
        return kind switch
        {
            GrantKinds.Database when stack.Databases.Contains(resource) => (kind, resource),
            GrantKinds.GitLab => (AccessSystems.GitLab, resource),
            GrantKinds.Vpn when IPNetwork.TryParse(resource, out var network) && ReachesStack(network, stack.Networks) => (AccessSystems.Vpn, resource),
            GrantKinds.Consul when resource == stack.Name => (AccessSystems.Consul, PeopleNames.ConsulToken(person.Id)),
            GrantKinds.Session when resource.StartsWith(stack.Name + "/", StringComparison.Ordinal) && stack.Services.Contains(resource[(stack.Name.Length + 1)..])
                => (kind, resource[(stack.Name.Length + 1)..]),
            _ => null,
        };
    }
}
