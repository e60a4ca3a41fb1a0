using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>
/// An audit device that records every request to Vault: its path under <c>sys/audit</c>, its type (<c>file</c>,
/// <c>syslog</c>, <c>socket</c>) and its options as Vault's API takes them. <see cref="ResourceSuffix"/> names the
/// Pulumi child (empty for the first device, which keeps the name it always had).
/// </summary>
public sealed record VaultAuditDevice(string Path, string Type, EquatableList<MountOption> Options, string ResourceSuffix);
