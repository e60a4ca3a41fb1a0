using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>
/// The CA that issues the services' TLS certificates on the PKI mount: an intermediate whose key stays in
/// Vault (<c>internal</c>), signed by the bank's offline root. Its CSR is made by the first deployment; the
/// signed certificate comes back through the stack file (<c>infra:vault.servicesIntermediateCertificate</c>,
/// docs/vault-pki.md), and only then is it imported, named <see cref="IssuerName"/>, given its URLs and made
/// the mount's default. People's certificates (VPN) have their own issuer.
/// </summary>
/// <param name="SignedCertificate">The signed intermediate (PEM, intermediate first, then its chain), or null while the signing step is pending.</param>
/// <param name="IssuingCertificateUrls">Where clients fetch the issuer's certificate (AIA): Vault's unauthenticated issuer endpoint.</param>
/// <param name="CrlDistributionPoints">Where clients fetch the issuer's CRL.</param>
/// <param name="OcspServers">Vault's OCSP responder for the mount.</param>
public sealed record ServicePkiBlueprint(
    string Mount,
    string CommonName,
    string KeyType,
    int KeyBits,
    string IssuerName,
    string? SignedCertificate,
    EquatableList<string> IssuingCertificateUrls,
    EquatableList<string> CrlDistributionPoints,
    EquatableList<string> OcspServers)
{
    /// <summary>What the services' PKI roles issue from: the named issuer once it is imported, Vault's default until then.</summary>
    public string RoleIssuerRef => SignedCertificate is null ? "default" : IssuerName;
}
