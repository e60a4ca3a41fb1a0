using Infra.Blueprints.Vault;

namespace Infra.Blueprints.People;

/// <summary>
/// The certificate authority of people's VPN certificates: its own PKI mount and root, apart from the services' CA
/// (<c>pki-internal</c>), so that the Client VPN endpoint trusts this CA alone and no service certificate opens the VPN.
/// The root's key is made in Vault and never leaves it (<c>internal</c>): nothing secret reaches Pulumi's state.
/// </summary>
/// <param name="Mount">The PKI mount <see cref="PeopleNames.VpnPkiMount"/>; its maximum lease is the root's validity.</param>
/// <param name="RootType"><c>internal</c>: Vault makes the root's key and never returns it.</param>
/// <param name="KeyType">RSA 2048: the only keys a Client VPN endpoint takes (RSA 1024 or 2048).</param>
/// <param name="CaTtlSeconds">The root's validity.</param>
/// <param name="Protect">Replacing the root would lock every person out until the endpoint trusts the new one.</param>
/// <param name="TidyInterval">How often Vault's auto-tidy runs on the mount. Every certificate is stored so that it can be
/// revoked, and the revocation job lists them all on each run: tidying keeps that list to the certificates still valid.</param>
/// <param name="TidySafetyBuffer">How long past its expiry a certificate (revoked or not) stays in the store and on the CRL,
/// for clocks that disagree: Vault's default.</param>
public sealed record VpnPkiBlueprint(
    VaultMount Mount,
    string CommonName,
    string IssuerName,
    string RootType,
    string KeyType,
    int KeyBits,
    int CaTtlSeconds,
    bool Protect,
    string TidyInterval,
    string TidySafetyBuffer);
