using Infra.Blueprints.Databases;
using Infra.Blueprints.Vault;
using Pulumi;

namespace Infra.Components.Databases;

/// <summary>What <see cref="ReplicatedDatabase"/> maps: the finished blueprints, the explicit providers, and what is known only at deployment.</summary>
public sealed class ReplicatedDatabaseArgs
{
    public required DatabaseBlueprint Blueprint { get; init; }

    /// <summary>The environment's Vault blueprint: the dynamic and static roles of this database come from it, never re-derived.</summary>
    public required VaultBlueprint Vault { get; init; }

    /// <summary>One AWS provider per region, by region name; both regions of the blueprint must be there.</summary>
    public required IReadOnlyDictionary<string, Pulumi.Aws.Provider> AwsProviders { get; init; }

    /// <summary>The Consul provider of each datacenter of the blueprint's <see cref="Infra.Blueprints.Databases.ConsulExternalService.Catalogs"/>, by datacenter.</summary>
    public required IReadOnlyDictionary<string, Pulumi.Consul.Provider> ConsulProviders { get; init; }

    public required Pulumi.Vault.Provider VaultProvider { get; init; }

    /// <summary>The security group id of each fleet, by region and then service name; every service that uses the database needs one in each region.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, Input<string>>> FleetSecurityGroupIds { get; init; }

    /// <summary>The time of this deployment: a cluster created now names its final snapshot for it (<see cref="DatabaseRegionBlueprint.FinalSnapshotIdentifier"/>).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>What the Vault resources wait for, e.g. the component that mounts the database secrets engine.</summary>
    public IReadOnlyList<Resource> VaultDependsOn { get; init; } = [];
}
