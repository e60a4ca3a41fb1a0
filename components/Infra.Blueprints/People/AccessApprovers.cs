using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// Who may approve access. A temporary grant: the platform team, or the team that owns what the grant opens (the
/// database's team; for a GitLab group, the teams that maintain it); a VPN route, a Consul level or a shell on a fleet
/// (a session) is the platform's alone. A privileged team membership (<see cref="TeamDefinition.IsPrivileged"/>): a member of that team.
/// </summary>
public sealed class AccessApprovers
{
    private readonly IReadOnlyList<TeamDefinition> teams;
    private readonly Dictionary<string, string> databaseOwners;

    public AccessApprovers(IEnumerable<TeamDefinition> teams, IEnumerable<DatabaseDefinition> databases)
    {
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(databases);
        this.teams = [.. teams];
        databaseOwners = databases.ToDictionary(d => d.Name, d => d.Team, StringComparer.Ordinal);
    }

    public static AccessApprovers Of(StackDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new AccessApprovers(definition.Catalog.Teams, definition.Databases);
    }

    /// <summary>The teams whose members may approve the grant, platform first; empty for a kind no one may grant.</summary>
    public IReadOnlyList<string> TeamsFor(TemporaryGrant grant)
    {
        var (kind, resource) = GrantKinds.Split(grant);
        var owners = kind switch
        {
            GrantKinds.Database => databaseOwners.TryGetValue(resource, out var owner) ? [owner] : [],
            GrantKinds.GitLab => teams.Where(t => t.Entitlements.GitLab.Any(g => g.Group == resource && g.Access >= GitLabAccessLevel.Maintainer)).Select(t => t.Id),
            GrantKinds.Vpn or GrantKinds.Consul or GrantKinds.Session => [],
            _ => null,
        };
        return owners is null ? [] : [.. teams.Where(t => t.IsPlatform).Select(t => t.Id).Concat(owners).Distinct(StringComparer.Ordinal)];
    }

    public bool IsPrivileged(string team) => teams.Any(t => t.Id == team && t.IsPrivileged);

    /// <summary>Why <paramref name="approver"/> may not approve <paramref name="approval"/>'s team membership; null when they may.</summary>
    public static string? Refusal(TeamApproval approval, PersonDefinition approver)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(approver);
        if (!approver.Teams.Contains(approval.Team))
        {
            return $"'{approver.Id}' (teams {string.Join(", ", approver.Teams)}) is not a member of '{approval.Team}'; a privileged team's membership is approved by one of its members";
        }
        return approver.Start > approval.Date
            ? $"'{approver.Id}' starts on {approver.Start:yyyy-MM-dd}, after the approval's date {approval.Date:yyyy-MM-dd}; the approver must be a member with access on that day"
            : null;
    }

    /// <summary>Why <paramref name="approver"/>, another person than the grantee, may not approve <paramref name="grant"/>; null when they may.</summary>
    public string? Refusal(TemporaryGrant grant, PersonDefinition approver)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(approver);
        if (approver.Start > grant.Start)
        {
            return $"'{approver.Id}' starts on {approver.Start:yyyy-MM-dd}, after the grant's start {grant.Start:yyyy-MM-dd}; the approver must be a person with access when the grant starts";
        }
        var allowed = TeamsFor(grant);
        if (allowed.Count > 0 && !approver.Teams.Any(allowed.Contains))
        {
            return $"'{approver.Id}' (teams {string.Join(", ", approver.Teams)}) may not approve {grant.System}; the approver must be in {string.Join(" or ", allowed.Select(t => $"'{t}'"))}";
        }
        return null;
    }
}
