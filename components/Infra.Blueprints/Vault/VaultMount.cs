using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>A secrets engine mount.</summary>
public sealed record VaultMount(string Path, string Type, string Description, EquatableList<MountOption> Options, int MaxLeaseTtlSeconds);
