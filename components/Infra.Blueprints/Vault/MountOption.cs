namespace Infra.Blueprints.Vault;

/// <summary>One option of a secrets engine mount or an audit device, as Vault's API takes it.</summary>
public sealed record MountOption(string Key, string Value);
