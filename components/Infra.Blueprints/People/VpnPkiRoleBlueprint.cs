using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// The Vault PKI role that signs people's VPN client certificates from a CSR their own device made: the key never
/// leaves the device, and the program issues no certificate itself. A person signs only their own name: the
/// allowed domain is the template <see cref="AllowedDomain"/> over their Vault entity, bare, nothing below it.
/// </summary>
/// <remarks>
/// The flags say it: that one name only (no other name, no IP address, not localhost, no glob), the common name
/// required and never taken from the CSR, client use only, RSA 2048 (what the Client VPN endpoint takes), at most
/// <see cref="MaxTtlSeconds"/>, and every certificate stored so that a leaver's can be found and revoked.
/// </remarks>
public sealed record VpnPkiRoleBlueprint(
    string Mount,
    string Name,
    string IssuerRef,
    string AllowedDomain,
    bool AllowedDomainsTemplate,
    int TtlSeconds,
    int MaxTtlSeconds,
    string KeyType,
    int KeyBits,
    bool AllowBareDomains,
    bool AllowSubdomains,
    bool AllowGlobDomains,
    bool AllowAnyName,
    bool AllowIpSans,
    bool AllowLocalhost,
    bool EnforceHostnames,
    bool RequireCn,
    bool UseCsrCommonName,
    bool UseCsrSans,
    bool ServerFlag,
    bool ClientFlag,
    EquatableList<string> ExtKeyUsages,
    bool NoStore);
