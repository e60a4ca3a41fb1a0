using Infra.Blueprints.Vault;
using Pulumi;

namespace Infra.Components.Vault;

/// <summary>What <see cref="VaultRoles"/> maps: the finished blueprint, the fleets' IAM roles known only at deployment, and the explicit Vault provider.</summary>
public sealed class VaultRolesArgs
{
    public required VaultBlueprint Blueprint { get; init; }

    /// <summary>The IAM role ARN of each fleet, by the name of its AWS auth role (<c>&lt;service&gt;-&lt;region&gt;</c>), which it is bound to.</summary>
    public required IReadOnlyDictionary<string, Input<string>> FleetRoleArns { get; init; }

    /// <summary>The environment's Vault: every child goes through it.</summary>
    public required Pulumi.Vault.Provider Vault { get; init; }
}
