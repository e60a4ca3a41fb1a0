using Infra.Blueprints.Vault;
using Pulumi;

namespace Infra.Components.Vault;

/// <summary>What <see cref="VaultRoles"/> maps: the finished blueprint, the fleets' IAM roles known only at deployment, and the explicit Vault provider.</summary>
public sealed class VaultRolesArgs
{
    public required VaultBlueprint Blueprint { get; init; }

    /// <summary>The IAM role ARN of each service's fleet, by service name; each is bound to the service's AWS auth role.</summary>
    public required IReadOnlyDictionary<string, Input<string>> FleetRoleArns { get; init; }

    /// <summary>The environment's Vault: every child goes through it.</summary>
    public required Pulumi.Vault.Provider Vault { get; init; }
}
