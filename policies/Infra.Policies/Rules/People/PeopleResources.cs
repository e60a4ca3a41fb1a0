using System.Globalization;
using Infra.Blueprints.People;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.People;

/// <summary>
/// The person a people resource belongs to, read from what the resource carries, and their access window: from the
/// catalog when the caller has it (<c>infra compliance</c>), else from the person's Vault entity in the same resources
/// (its metadata <c>access-ends</c> and <c>platform-team</c>), as the policy pack sees a preview.
/// </summary>
internal static class PeopleResources
{
    /// <summary>Every kind of resource that gives one person access.</summary>
    public static readonly IReadOnlyList<string> Types =
    [
        TypeTokens.GitLabGroupMembership, TypeTokens.GitLabProjectMembership, TypeTokens.VaultIdentityEntity,
        TypeTokens.ConsulAclToken, TypeTokens.VaultPkiSign, TypeTokens.ClientVpnAuthorizationRule,
    ];

    private static readonly string PersonGroupPrefix = PeopleNames.VpnPersonGroup("");

    private static readonly string ManagedSuffix = $"; managed by {PeopleNames.ManagedBy}";

    /// <summary>What the resource is, for messages.</summary>
    public static string Kind(PolicyResource resource) => resource.Type switch
    {
        TypeTokens.VaultIdentityEntity => "Vault entity",
        TypeTokens.ConsulAclToken => "Consul token",
        TypeTokens.VaultPkiSign => "VPN certificate",
        TypeTokens.ClientVpnAuthorizationRule => "VPN authorization",
        _ => "membership",
    };

    /// <summary>The property that names the person, which a finding about the person's access as a whole points at.</summary>
    public static string PersonProperty(PolicyResource resource) => resource.Type switch
    {
        TypeTokens.VaultIdentityEntity => "name",
        TypeTokens.ConsulAclToken => "description",
        TypeTokens.VaultPkiSign => "commonName",
        TypeTokens.ClientVpnAuthorizationRule => "accessGroupId",
        _ => "userId",
    };

    /// <summary>The person's access window, or null when the resource names no person this run knows.</summary>
    public static PersonAccessWindow? Window(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var entities = resources.Derived("people-entities", Entities);
        var userId = resource.Property("userId").AsNumber();
        if (userId is { } u && context.People.FirstOrDefault(p => p.GitLabUserId == (long)u) is { } byUserId)
        {
            return byUserId;
        }
        var known = context.People.Select(p => p.PersonId).Concat(entities.Keys);
        if (PersonId(resource, known) is not { } person)
        {
            return null;
        }
        return context.People.FirstOrDefault(p => p.PersonId == person)
            ?? (entities.TryGetValue(person, out var entity) ? FromEntity(person, entity) : null);
    }

    /// <summary>
    /// The person id a resource carries: a membership's name <c>{component}-gitlab-{person}-{group}</c> (declared by
    /// hand: <c>{person}-{group}</c>), an entity's name, a token's description <c>{person} (...); managed by infra-people</c>,
    /// a certificate's common name <c>{person}.vpn.{stack}.internal</c>, a VPN authorization's group <c>person-{person}</c>
    /// (a team's group names no person).
    /// </summary>
    private static string? PersonId(PolicyResource resource, IEnumerable<string> known)
    {
        switch (resource.Type)
        {
            case TypeTokens.VaultIdentityEntity:
                return IsManaged(resource.Property("metadata.managed-by").AsString()) ? resource.Property("name").AsString() : null;
            case TypeTokens.ConsulAclToken:
                var description = resource.Property("description").AsString() ?? "";
                var cut = description.IndexOf(' ', StringComparison.Ordinal);
                return description.EndsWith(ManagedSuffix, StringComparison.Ordinal) && cut > 0 ? description[..cut] : null;
            case TypeTokens.VaultPkiSign:
                var commonName = resource.Property("commonName").AsString() ?? "";
                var dot = commonName.IndexOf(".vpn.", StringComparison.Ordinal);
                return dot > 0 ? commonName[..dot] : null;
            case TypeTokens.ClientVpnAuthorizationRule:
                return VpnPerson(resource);
            default:
                var name = resource.Name.IndexOf(PeopleNames.GitLabMembershipMarker, StringComparison.Ordinal) is var at and >= 0
                    ? resource.Name[(at + PeopleNames.GitLabMembershipMarker.Length)..]
                    : resource.Name;
                return known.Where(id => name == id || name.StartsWith(id + "-", StringComparison.Ordinal)).MaxBy(id => id.Length);
        }
    }

    /// <summary>The person a VPN authorization admits through their own group <c>person-{person}</c> (a grant's rule); null for a team's rule.</summary>
    public static string? VpnPerson(PolicyResource rule)
    {
        var group = rule.Property("accessGroupId").AsString() ?? "";
        return group.StartsWith(PersonGroupPrefix, StringComparison.Ordinal) && group.Length > PersonGroupPrefix.Length ? group[PersonGroupPrefix.Length..] : null;
    }

    private static bool IsManaged(string? managedBy) => managedBy == PeopleNames.ManagedBy;

    private static Dictionary<string, PolicyResource> Entities(ResourceSet resources) =>
        resources.OfType(TypeTokens.VaultIdentityEntity)
            .Where(e => IsManaged(e.Property("metadata.managed-by").AsString()) && e.Property("name").AsString() is not null)
            .GroupBy(e => e.Property("name").AsString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static PersonAccessWindow FromEntity(string person, PolicyResource entity)
    {
        var ends = entity.Property($"metadata.{PeopleNames.AccessEndsMetadata}").AsString();
        DateOnly? end = ends is { Length: >= 10 } text
            && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
        var platform = entity.Property($"metadata.{PeopleNames.PlatformTeamMetadata}").AsString() == "true";
        return new PersonAccessWindow(person, null, platform, end);
    }
}
