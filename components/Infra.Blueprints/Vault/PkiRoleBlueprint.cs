using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>
/// The PKI role that issues a service's internal TLS certificates, for its Consul names only: exactly
/// the allowed domains (no subdomains, no other name), valid host names, for server and client use (mTLS).
/// </summary>
public sealed record PkiRoleBlueprint(
    string Name,
    string Service,
    EquatableList<string> AllowedDomains,
    string MaxTtl,
    string KeyType,
    int KeyBits,
    bool AllowBareDomains,
    bool AllowSubdomains,
    bool AllowAnyName,
    bool EnforceHostnames,
    bool ServerFlag,
    bool ClientFlag);
