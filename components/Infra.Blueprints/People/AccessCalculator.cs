using System.Net;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.People;

/// <summary>
/// Who reaches what in a stack at an instant: a pure function of the catalogs, the stack's networks and
/// the time. A person reaches nothing before their first day or after their access ends (the end of
/// their last day, or the time of a leave or termination); a grant counts from the start of its first
/// day to the end of its expiry day, and never past the person's end. A day means its first instant (UTC).
/// </summary>
public static class AccessCalculator
{
    public static AccessSnapshot Calculate(StackDefinition definition, DateOnly day) => Calculate(definition, PersonDefinition.StartOf(day));

    public static AccessSnapshot Calculate(StackDefinition definition, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Calculate(definition.StackName, definition.Catalog, [.. definition.Networks.Select(n => n.Cidr)], at);
    }

    /// <param name="stackNetworks">The stack's VPC ranges: a team's VPN network counts in this stack only where it overlaps one.</param>
    public static AccessSnapshot Calculate(string stack, Catalog catalog, IReadOnlyList<IPNetwork> stackNetworks, DateOnly day) =>
        Calculate(stack, catalog, stackNetworks, PersonDefinition.StartOf(day));

    /// <param name="stackNetworks">The stack's VPC ranges: a team's VPN network counts in this stack only where it overlaps one.</param>
    public static AccessSnapshot Calculate(string stack, Catalog catalog, IReadOnlyList<IPNetwork> stackNetworks, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(stackNetworks);
        var teams = catalog.Teams.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var entries = new List<AccessEntry>();
        var ended = new List<string>();
        foreach (var person in catalog.People.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            if (person.HasAccessAt(at))
            {
                entries.AddRange(ForPerson(person, teams, stackNetworks, at));
            }
            else if (PersonDefinition.StartOf(person.Start) <= at)
            {
                ended.Add(person.Id);
            }
        }
        return new AccessSnapshot(stack, at, entries.ToEquatableList(), ended.ToEquatableList());
    }

    /// <summary>Whether a team's VPN network lies in (or spans) one of the stack's networks.</summary>
    public static bool ReachesStack(IPNetwork network, IReadOnlyList<IPNetwork> stackNetworks)
    {
        ArgumentNullException.ThrowIfNull(stackNetworks);
        return stackNetworks.Any(s => s.Contains(network.BaseAddress) || network.Contains(s.BaseAddress));
    }

    private static IEnumerable<AccessEntry> ForPerson(PersonDefinition person, Dictionary<string, TeamDefinition> teams, IReadOnlyList<IPNetwork> stackNetworks, DateTimeOffset at)
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
            foreach (var network in entitlements.Vpn.Where(n => ReachesStack(n, stackNetworks)))
            {
                Add(AccessSystems.Vpn, network.ToString(), "connect", 0, team.Id);
            }
            if (entitlements.Consul != ConsulAccess.None)
            {
                Add(AccessSystems.Consul, PeopleNames.ConsulToken(person.Id), ValueReader.EnumName(entitlements.Consul), (int)entitlements.Consul, team.Id);
            }
        }
        var entries = byTarget.Select(e => new AccessEntry(
            person.Id, e.Key.System, e.Key.Resource, e.Value.Level, e.Value.Teams.ToEquatableList(), null, person.End)).ToList();
        foreach (var grant in person.Grants.Where(g => g.IsActiveAt(at)).OrderBy(g => g.System, StringComparer.Ordinal).ThenBy(g => g.Access, StringComparer.Ordinal))
        {
            var slash = grant.System.IndexOf('/', StringComparison.Ordinal);
            var until = person.End is { } end && end < grant.Expires ? end : grant.Expires;
            var system = grant.System[..slash];
            var resource = grant.System[(slash + 1)..];
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
}
