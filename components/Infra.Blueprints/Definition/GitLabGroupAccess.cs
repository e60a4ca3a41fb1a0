namespace Infra.Blueprints.Definition;

/// <summary>Membership of a GitLab group at an access level.</summary>
public sealed record GitLabGroupAccess(string Group, GitLabAccessLevel Access);
