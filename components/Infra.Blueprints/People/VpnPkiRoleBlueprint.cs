namespace Infra.Blueprints.People;

/// <summary>The Vault PKI role that issues VPN client certificates: client use only, one name per person below <see cref="Domain"/>.</summary>
/// <remarks>The flags say it: names below the domain only (not the domain itself, no other name), valid host names, client use only.</remarks>
public sealed record VpnPkiRoleBlueprint(
    string Mount,
    string Name,
    string Domain,
    int MaxTtlSeconds,
    string KeyType,
    int KeyBits,
    bool AllowBareDomains,
    bool AllowSubdomains,
    bool AllowAnyName,
    bool EnforceHostnames,
    bool ServerFlag,
    bool ClientFlag);
