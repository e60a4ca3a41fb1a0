namespace Infra.Blueprints.Definition;

/// <summary>
/// The environment's Vault: where the KV v2 secrets live and how long the tokens, database
/// credentials and certificates it issues last.
/// </summary>
/// <param name="ServicesIntermediateCertificate">The services' intermediate CA as the bank's root signed it (PEM), or null until that step is done.</param>
public sealed record VaultSettings(
    string KvMount,
    TimeSpan TokenTtl,
    TimeSpan TokenMaxTtl,
    TimeSpan DatabaseCredentialTtl,
    TimeSpan DatabaseCredentialMaxTtl,
    TimeSpan StaticRoleRotation,
    TimeSpan CertificateTtl,
    string? ServicesIntermediateCertificate = null);
