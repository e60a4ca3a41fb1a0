namespace Infra.Blueprints.Vault;

/// <summary>The audit device that records every request to Vault.</summary>
public sealed record VaultAuditDevice(string Path, string Type, string FilePath);
