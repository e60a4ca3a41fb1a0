namespace Infra.Blueprints.Definition;

/// <summary>
/// The environment's Vault: where the KV v2 secrets live and how long the tokens, database
/// credentials and certificates it issues last.
/// </summary>
/// <param name="ProviderTokenTtl">How long a Pulumi run may hold its Vault token: the provider's child token lasts this long, and the pipeline's JWT login tokens must last at least this long.</param>
/// <param name="SkipChildToken">True where the token the run logs in with (the pipeline's JWT login) is already short-lived: the provider uses it as is.</param>
/// <param name="ServicesIntermediateCertificate">The services' intermediate CA as the bank's root signed it (PEM), or null until that step is done.</param>
public sealed record VaultSettings(
    string KvMount,
    TimeSpan TokenTtl,
    TimeSpan TokenMaxTtl,
    TimeSpan DatabaseCredentialTtl,
    TimeSpan DatabaseCredentialMaxTtl,
    TimeSpan StaticRoleRotation,
    TimeSpan CertificateTtl,
    TimeSpan ProviderTokenTtl,
    bool SkipChildToken,
    string? ServicesIntermediateCertificate = null);
