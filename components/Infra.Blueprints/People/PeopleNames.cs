using System.Globalization;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>The names the people component gives, in one place so that the report and the resources agree.</summary>
public static class PeopleNames
{
    /// <summary>The Vault PKI role that signs the VPN client certificates.</summary>
    public const string VpnPkiRole = "vpn-client";

    /// <summary>The PKI mount of the VPN's own CA, apart from the services' <c>pki-internal</c>.</summary>
    public const string VpnPkiMount = "pki-vpn";

    /// <summary>The issuer (the root CA) on <see cref="VpnPkiMount"/>.</summary>
    public const string VpnIssuer = "vpn-clients";

    /// <summary>The Vault policy on the entity of each person with a VPN network in the stack: it may sign their own certificate.</summary>
    public const string VpnCertificatePolicy = "vpn-certificate";

    /// <summary>Marks what this program manages, so that no one mistakes an identity provisioned by the identity provider for one of ours.</summary>
    public const string ManagedBy = "infra-people";

    /// <summary>The metadata key of a person's Vault entity that says when their access ends (see <see cref="AccessEnds"/>).</summary>
    public const string AccessEndsMetadata = "access-ends";

    /// <summary>The metadata key of a person's Vault entity that says whether they are in a platform team ("true" or "false").</summary>
    public const string PlatformTeamMetadata = "platform-team";

    /// <summary>The person's name in a GitLab membership: <c>{component}-gitlab-{person}-{group}</c>.</summary>
    public const string GitLabMembershipMarker = "-gitlab-";

    /// <summary>The end of a person's access as the entity metadata holds it: the time (UTC) of a leave or termination, else the last day; null without end.</summary>
    public static string? AccessEnds(PersonDefinition person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.EndsAt is { } endsAt
            ? endsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : person.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static string ConsulToken(string person) => $"person-{person}";

    public static string ConsulPolicy(string level) => $"people-{level}";

    /// <summary>The identity group of a team in Vault; it carries the team policy <c>team-&lt;id&gt;</c>.</summary>
    public static string VaultGroup(string team) => $"team-{team}";

    /// <summary>The domain of the VPN client certificates of a stack: one name per person below it.</summary>
    public static string VpnDomain(string stack) => $"vpn.{stack}.internal";

    /// <summary>The common name of a person's VPN certificate in a stack, <c>{person}.vpn.{stack}.internal</c>.</summary>
    public static string VpnCommonName(string person, string stack) => $"{person}.{VpnDomain(stack)}";

    /// <summary>The identity provider's group of a team, which the VPN endpoint's authorization rules name.</summary>
    public static string VpnAccessGroup(string team) => $"team-{team}";

    /// <summary>Why a member of a team's on-call rota reaches a network, as an access entry's source: <c>{team} on-call rota</c>.</summary>
    public static string OnCallRota(string team) => $"{team}{OnCallRotaSuffix}";

    /// <summary>Whether an access entry's source is an on-call rota (<see cref="OnCallRota"/>) rather than a team.</summary>
    public static bool IsOnCallRota(string source) => source.EndsWith(OnCallRotaSuffix, StringComparison.Ordinal);

    private const string OnCallRotaSuffix = " on-call rota";

    /// <summary>The tag <c>Name</c> of the stack's Client VPN endpoint, the same in every region: <c>vpn-&lt;stack&gt;</c>.</summary>
    public static string VpnEndpoint(string stack) => $"vpn-{stack}";

    /// <summary>The identity provider's group of one person (the SAML assertion carries it), which a VPN grant's rule names.</summary>
    public static string VpnPersonGroup(string person) => $"person-{person}";

    /// <summary>The inline policy a person's session grant puts on a fleet's role.</summary>
    public static string SessionGrantPolicy(string person) => $"session-grant-{person}";
}
