using System.Globalization;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.People;

/// <summary>GitLab memberships and the person of the catalog each one belongs to.</summary>
internal static class Memberships
{
    public static readonly IReadOnlyList<string> Types = [TypeTokens.GitLabGroupMembership, TypeTokens.GitLabProjectMembership];

    /// <summary>What the people component writes before the person in a membership's name.</summary>
    private const string NameMarker = "-gitlab-";

    /// <summary>
    /// The person of a membership: by GitLab user id (<c>userId</c>), else by the resource name, which the people
    /// component builds as <c>{component}-gitlab-{personId}-{group}</c> (a membership declared by hand: <c>{personId}-{group}</c>).
    /// </summary>
    public static PersonAccessWindow? PersonOf(PolicyResource membership, PolicyContext context)
    {
        var userId = membership.Property("userId").AsNumber();
        var name = membership.Name.IndexOf(NameMarker, StringComparison.Ordinal) is var at and >= 0
            ? membership.Name[(at + NameMarker.Length)..]
            : membership.Name;
        return context.People.FirstOrDefault(p => p.GitLabUserId is { } id && userId is { } u && id == (long)u)
            ?? context.People
                .Where(p => name == p.PersonId || name.StartsWith(p.PersonId + "-", StringComparison.Ordinal))
                .MaxBy(p => p.PersonId.Length);
    }

    public static string Describe(PolicyResource membership, PersonAccessWindow? person) =>
        person?.PersonId ?? $"user {membership.Property("userId")}";

    public static DateOnly? ExpiresAt(PolicyResource membership) =>
        membership.Property("expiresAt").AsString() is { Length: > 0 } text
        && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
