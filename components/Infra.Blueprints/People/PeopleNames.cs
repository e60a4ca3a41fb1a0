namespace Infra.Blueprints.People;

/// <summary>The names the people component gives, in one place so that the report and the resources agree.</summary>
public static class PeopleNames
{
    /// <summary>The Vault PKI role that issues the VPN client certificates.</summary>
    public const string VpnPkiRole = "vpn-client";

    /// <summary>Marks what this program manages, so that no one mistakes an identity provisioned by the identity provider for one of ours.</summary>
    public const string ManagedBy = "infra-people";

    public static string ConsulToken(string person) => $"person-{person}";

    public static string ConsulPolicy(string level) => $"people-{level}";

    /// <summary>The identity group of a team in Vault; it carries the team policy <c>team-&lt;id&gt;</c>.</summary>
    public static string VaultGroup(string team) => $"team-{team}";

    /// <summary>The domain of the VPN client certificates of a stack: one name per person below it.</summary>
    public static string VpnDomain(string stack) => $"vpn.{stack}.internal";

    /// <summary>The identity provider's group of a team, which the VPN endpoint's authorization rules name.</summary>
    public static string VpnAccessGroup(string team) => $"team-{team}";
}
