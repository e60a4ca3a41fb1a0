using Infra.Blueprints.Definition;
using System.Net;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;

namespace Infra.Blueprints.Validation;

/// <summary>Checks of the catalogs that span entries: references, dates in order, approvals.</summary>
internal static class CatalogValidator
{
    /// <summary>A temporary grant lasts at most this long; longer access goes through a team.</summary>
    public const int MaxGrantDays = 30;

    public static void ValidateTeams(IReadOnlyList<Located<TeamDefinition>> teams, DocumentContext context)
    {
        foreach (var (path, team) in teams)
        {
            if (team.IsPlatform)
            {
                continue;
            }
            var gitlab = team.Entitlements.GitLab;
            for (var i = 0; i < gitlab.Count; i++)
            {
                if (gitlab[i].Access == GitLabAccessLevel.Owner)
                {
                    context.Error(KeyPath.Child(KeyPath.Item(KeyPath.Child(KeyPath.Child(path, "entitlements"), "gitlab"), i), "access"),
                        $"owner access to {gitlab[i].Group} is reserved to the platform team; use maintainer");
                }
            }
        }
        foreach (var extra in teams.Where(t => t.Value.IsPlatform).Skip(1))
        {
            context.Error(KeyPath.Child(extra.Path, "platform"), $"only one team may be the platform team; '{teams.First(t => t.Value.IsPlatform).Value.Id}' already is");
        }
    }

    /// <summary>
    /// Each on-call rota names members of its team. Anyone else on it (an unknown id, someone of another team) is a
    /// warning, not an error: the rota gives them nothing, and an HR team change is never refused for it.
    /// </summary>
    public static void ValidateOnCallRotas(IReadOnlyList<Located<TeamDefinition>> teams, IReadOnlyList<Located<PersonDefinition>> people, DocumentContext context)
    {
        var teamsOf = people.Select(p => p.Value).DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.Teams, StringComparer.Ordinal);
        foreach (var (path, team) in teams)
        {
            StackSettingsValidator.CheckEach(team.OnCallRota, KeyPath.Child(path, "onCallRota"), context, (person, itemPath) =>
            {
                if (!teamsOf.TryGetValue(person, out var memberOf))
                {
                    context.Warning(itemPath, $"'{person}' is on the on-call rota of '{team.Id}' but is no person of people.yaml; the rota gives them nothing");
                }
                else if (!memberOf.Contains(team.Id))
                {
                    context.Warning(itemPath, $"'{person}' is on the on-call rota of '{team.Id}' but not a member of it in people.yaml; the rota gives them no VPN route until they are");
                }
            });
        }
    }

    /// <param name="approvers">Who may approve which grant in this stack; null when teams.yaml could not be read (no follow-on errors).</param>
    public static void ValidatePeople(IReadOnlyList<Located<PersonDefinition>> people, ReferenceNames names, AccessApprovers? approvers, DocumentContext context)
    {
        var byId = people.Select(p => p.Value).DistinctBy(p => p.Id).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var emails = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, person) in people)
        {
            StackSettingsValidator.CheckEach(person.Teams, KeyPath.Child(path, "teams"), context, (team, itemPath) => names.RequireTeam(team, itemPath, context));
            StackSettingsValidator.CheckEach(person.RequestedTeams, KeyPath.Child(path, "requestedTeams"), context, (team, itemPath) => names.RequireTeam(team, itemPath, context));
            ValidateApprovals(person, path, names, approvers, byId, context);
            if (!emails.TryAdd(person.Email, person.Id))
            {
                context.Error(KeyPath.Child(path, "email"), $"{person.Email} is already the e-mail of '{emails[person.Email]}'");
            }
            if (person.End is { } end && end < person.Start)
            {
                context.Error(KeyPath.Child(path, "end"), $"{end:yyyy-MM-dd} is before start {person.Start:yyyy-MM-dd}; the end date is the last day of access");
            }
            if (person.EndsAt is { } endsAt && (person.End is not { } last || DateOnly.FromDateTime(endsAt.UtcDateTime) != last))
            {
                context.Error(KeyPath.Child(path, "endsAt"), $"{endsAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} is not on the end day {person.End:yyyy-MM-dd}; endsAt is the time (UTC day of 'end') a leave or termination stops access");
            }
            if (person.Contract == ContractKind.Contractor && person.End is null)
            {
                context.Error(KeyPath.Child(path, "end"), "a contractor must have an end date: the last day of the contract");
            }
            for (var i = 0; i < person.Grants.Count; i++)
            {
                ValidateGrant(person, person.Grants[i], KeyPath.Item(KeyPath.Child(path, "grants"), i), names, approvers, byId, context);
            }
        }
    }

    /// <summary>Each privileged team of the person has an approval by another member of it; each approval names a known team and person.</summary>
    private static void ValidateApprovals(PersonDefinition person, string path, ReferenceNames names, AccessApprovers? approvers,
        Dictionary<string, PersonDefinition> people, DocumentContext context)
    {
        for (var i = 0; i < person.Approvals.Count; i++)
        {
            var approval = person.Approvals[i];
            var approvalPath = KeyPath.Item(KeyPath.Child(path, "approvals"), i);
            names.RequireTeam(approval.Team, KeyPath.Child(approvalPath, "team"), context);
            var approverPath = KeyPath.Child(approvalPath, "approver");
            if (approval.Approver == person.Id)
            {
                context.Error(approverPath, $"'{person.Id}' cannot approve their own membership of '{approval.Team}'; another member of the team approves it");
            }
            else if (!people.TryGetValue(approval.Approver, out var approver))
            {
                names.RequirePerson(approval.Approver, approverPath, context);
            }
            else if (approvers is not null && AccessApprovers.Refusal(approval, approver) is { } refusal)
            {
                context.Error(approverPath, refusal);
            }
        }
        if (approvers is null)
        {
            return;
        }
        for (var i = 0; i < person.Teams.Count; i++)
        {
            var team = person.Teams[i];
            if (approvers.IsPrivileged(team) && !person.Approvals.Any(a => a.Team == team))
            {
                context.Error(KeyPath.Item(KeyPath.Child(path, "teams"), i),
                    $"'{team}' is a privileged team (GitLab owner, Consul write or the platform team): membership needs the approval of one of its members, "
                    + $"recorded under approvals as '- {{ team: {team}, approver: <member>, date: YYYY-MM-DD }}'; HR may only request it (requestedTeams)");
            }
        }
    }

    /// <summary>A session grant names <c>&lt;stack&gt;/&lt;service&gt;</c>; the service is checked in its own stack's validation.</summary>
    private static void ValidateSessionTarget(string resource, string systemPath, ReferenceNames names, DocumentContext context)
    {
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == resource.Length - 1 || resource.IndexOf('/', slash + 1) >= 0)
        {
            context.Error(systemPath, $"'{resource}' is not <stack>/<service>, such as session/production/ledger");
            return;
        }
        var stack = resource[..slash];
        names.RequireStack(stack, systemPath, context);
        if (stack == names.StackName)
        {
            names.RequireService(resource[(slash + 1)..], systemPath, context);
        }
    }

    private static void ValidateGrant(PersonDefinition person, TemporaryGrant grant, string path, ReferenceNames names, AccessApprovers? approvers,
        Dictionary<string, PersonDefinition> people, DocumentContext context)
    {
        var (kind, resource) = GrantKinds.Split(grant);
        var systemPath = KeyPath.Child(path, "system");
        if (!GrantKinds.Levels.TryGetValue(kind, out var levels))
        {
            context.Error(systemPath, $"'{kind}' is not a kind of grant this program provisions; a grant is one of {GrantKinds.Allowed}");
            return;
        }
        switch (kind)
        {
            case GrantKinds.Database:
                names.RequireDatabase(resource, systemPath, context);
                break;
            case GrantKinds.GitLab when !Patterns.GitLabGroup().IsMatch(resource):
                context.Error(systemPath, $"'{resource}' is not a GitLab group path such as bank/payments");
                break;
            case GrantKinds.Vpn when !IPNetwork.TryParse(resource, out var network) || network.ToString() != resource:
                context.Error(systemPath, $"'{resource}' is not a network in canonical CIDR form such as 10.60.32.0/20");
                break;
            case GrantKinds.Consul:
                names.RequireStack(resource, systemPath, context);
                break;
            case GrantKinds.Session:
                ValidateSessionTarget(resource, systemPath, names, context);
                break;
        }
        if (!levels.Contains(grant.Access))
        {
            context.Error(KeyPath.Child(path, "access"), $"'{grant.Access}' is not an access of a {kind} grant; allowed: {string.Join(", ", levels)}");
        }
        var approverPath = KeyPath.Child(path, "approver");
        if (grant.Approver == person.Id)
        {
            context.Error(approverPath, $"'{person.Id}' cannot approve their own grant; the approver must be another person");
        }
        else if (!people.TryGetValue(grant.Approver, out var approver))
        {
            names.RequirePerson(grant.Approver, approverPath, context);
        }
        else if (approvers?.Refusal(grant, approver) is { } refusal)
        {
            context.Error(approverPath, refusal);
        }
        var expiresPath = KeyPath.Child(path, "expires");
        if (grant.Expires < grant.Start)
        {
            context.Error(expiresPath, $"{grant.Expires:yyyy-MM-dd} is before start {grant.Start:yyyy-MM-dd}");
        }
        else if (grant.Expires.DayNumber - grant.Start.DayNumber > MaxGrantDays)
        {
            context.Error(expiresPath, $"{grant.Expires:yyyy-MM-dd} is {grant.Expires.DayNumber - grant.Start.DayNumber} days after start; a temporary grant lasts at most {MaxGrantDays} days");
        }
    }
}
