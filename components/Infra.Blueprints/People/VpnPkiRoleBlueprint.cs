namespace Infra.Blueprints.People;

/// <summary>The Vault PKI role that issues VPN client certificates: client use only, one name per person below <see cref="Domain"/>.</summary>
/// <remarks>The flags say it: names below the domain only (not the domain itself, no other name, no IP address, not localhost), valid host names, client use only.</remarks>
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
    bool AllowIpSans,
    bool AllowLocalhost,
    bool EnforceHostnames,
    bool ServerFlag,
    bool ClientFlag);
