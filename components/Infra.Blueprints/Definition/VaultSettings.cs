namespace Infra.Blueprints.Definition;

/// <summary>
/// The environment's Vault: where the KV v2 secrets live and how long the tokens, database
/// credentials and certificates it issues last.
/// </summary>
public sealed record VaultSettings(
    string KvMount,
    TimeSpan TokenTtl,
    TimeSpan TokenMaxTtl,
    TimeSpan DatabaseCredentialTtl,
    TimeSpan DatabaseCredentialMaxTtl,
    TimeSpan StaticRoleRotation,
    TimeSpan CertificateTtl);
