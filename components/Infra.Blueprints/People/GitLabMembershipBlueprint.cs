using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// A person's membership of a GitLab group at the highest level their teams give. GitLab removes
/// a member on the expiry day, so <see cref="ExpiresAt"/> is the day after the person's last day.
/// </summary>
public sealed record GitLabMembershipBlueprint(string Person, string Group, GitLabAccessLevel Access, DateOnly? ExpiresAt)
{
    /// <summary>The level as GitLab's API names it: guest, reporter, developer, maintainer, owner.</summary>
    public string AccessLevel => Access.ToString().ToLowerInvariant();
}
