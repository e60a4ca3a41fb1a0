namespace Infra.Policies.Rules;

/// <summary>
/// A person of the catalog as the people rules need them: the id used in resource names, the GitLab user id
/// when known, whether they belong to the platform team, and the last day of their access (UTC, inclusive).
/// </summary>
public sealed record PersonAccessWindow(string PersonId, long? GitLabUserId, bool PlatformTeam, DateOnly? EndDate);
