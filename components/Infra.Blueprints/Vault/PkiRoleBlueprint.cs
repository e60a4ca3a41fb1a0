using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>
/// The PKI role that issues a service's internal TLS certificates, for its Consul names only: exactly
/// the allowed domains (no subdomains, no other name, no IP address, not localhost), valid host names, for
/// server and client use (mTLS), from the services' issuer (<see cref="IssuerRef"/>).
/// </summary>
public sealed record PkiRoleBlueprint(
    string Name,
    string Service,
    string IssuerRef,
    EquatableList<string> AllowedDomains,
    string MaxTtl,
    string KeyType,
    int KeyBits,
    bool AllowBareDomains,
    bool AllowSubdomains,
    bool AllowAnyName,
    bool EnforceHostnames,
    bool AllowIpSans,
    bool AllowLocalhost,
    bool ServerFlag,
    bool ClientFlag);
