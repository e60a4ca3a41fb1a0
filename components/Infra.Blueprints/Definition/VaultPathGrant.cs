namespace Infra.Blueprints.Definition;

/// <summary>What a team may do on one Vault path (glob <c>*</c> and segment <c>+</c> allowed, as in Vault).</summary>
public sealed record VaultPathGrant(string Path, EquatableList<VaultCapability> Capabilities);
