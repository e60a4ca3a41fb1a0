using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// One thing one person reaches on a day: the system and resource (a GitLab group, a Vault policy,
/// a VPN network, a Consul token, or what a grant names), at which level, why (the teams that give
/// it, or the grant), and the last day it lasts (null: no end date).
/// </summary>
public sealed record AccessEntry(
    string Person,
    string System,
    string Resource,
    string Level,
    EquatableList<string> Teams,
    TemporaryGrant? Grant,
    DateOnly? Until)
{
    /// <summary>Why the person has it, as the access review shows it.</summary>
    public string Why => Grant is { } grant
        ? $"grant approved by {grant.Approver}: {grant.Reason}"
        : (Teams.Count == 1 ? "team " : "teams ") + string.Join(", ", Teams);
}
