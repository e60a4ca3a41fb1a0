using System.Globalization;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.People;

/// <summary>GitLab memberships and the person of the catalog each one belongs to.</summary>
internal static class Memberships
{
    public static readonly IReadOnlyList<string> Types = [TypeTokens.GitLabGroupMembership, TypeTokens.GitLabProjectMembership];

    /// <summary>The person of a membership and their window (<see cref="PeopleResources.Window"/>).</summary>
    public static PersonAccessWindow? PersonOf(PolicyResource membership, ResourceSet resources, PolicyContext context) =>
        PeopleResources.Window(membership, resources, context);

    public static string Describe(PolicyResource membership, PersonAccessWindow? person) =>
        person?.PersonId ?? $"user {membership.Property("userId")}";

    public static DateOnly? ExpiresAt(PolicyResource membership) =>
        membership.Property("expiresAt").AsString() is { Length: > 0 } text
        && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
