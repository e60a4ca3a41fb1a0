namespace Infra.Cli.Rendering;

/// <summary>What one service may read in Vault, and for how long its token and credentials last.</summary>
internal sealed record VaultAccessRow(string Service, string Policy, IReadOnlyList<string> Reads, string TokenTtl, string DatabaseCredentialTtl, string CertificateTtl);
