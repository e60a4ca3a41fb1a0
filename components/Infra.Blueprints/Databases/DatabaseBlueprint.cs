using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Databases;

/// <summary>
/// Every decision about one Aurora PostgreSQL global database, as plain data: the
/// <c>ReplicatedDatabase</c> component maps it to resources one for one. It depends only on the
/// stack's config, never on history: a stack whose primary was switched to the other region gives
/// the same blueprint as a stack that had that region primary from the start.
/// </summary>
/// <param name="Name">The component's name (the database's name); its children are named from it and a region, never from a role.</param>
/// <param name="GlobalClusterRegion">The region whose provider manages the global cluster: the first in name order, not the primary, so that a switch does not move it.</param>
/// <param name="Regions">One cluster per region, primary first.</param>
public sealed record DatabaseBlueprint(
    string Name,
    string Team,
    string Stack,
    EnvironmentKind Environment,
    string GlobalClusterIdentifier,
    string GlobalClusterRegion,
    string EngineVersion,
    string DatabaseName,
    string MasterUsername,
    MasterSecretBlueprint MasterSecret,
    int Port,
    ClusterSettings Cluster,
    EquatableList<DatabaseRegionBlueprint> Regions,
    EquatableList<string> UsedBy,
    ConsulExternalService Consul,
    VaultConnectionBlueprint Vault,
    TimeSpan MaxReplicationLag,
    EquatableList<ResourceTag> Tags)
{
    public DatabaseRegionBlueprint Primary => Regions.Single(r => r.IsPrimary);

    public DatabaseRegionBlueprint Secondary => Regions.Single(r => !r.IsPrimary);

    /// <summary>One line for a plan: where it runs and how big.</summary>
    public string Explanation =>
        $"{Name}: aurora-postgresql {EngineVersion}, writer in {Primary.Region} ({Primary.Instances.Count} instances), replica in {Secondary.Region} ({Secondary.Instances.Count} instances)";
}
