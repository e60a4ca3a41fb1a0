using System.Globalization;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Databases;

/// <summary>
/// The cluster of one region and what it needs there: its own KMS key, subnet group, parameter
/// group and security group. <see cref="IsPrimary"/> decides only what is set when the cluster is
/// created (the master user on the primary; the secondary joins the global cluster as a replica)
/// and the ingress from the fleets, which run in the primary region; the component ignores the
/// creation-only fields afterwards, so that recording a switch in the config changes nothing.
/// </summary>
/// <param name="SecurityGroup">Ingress on the PostgreSQL port only from the fleets that declare the database (in the primary region), Vault's servers and the bootstrap host (in both).</param>
/// <param name="ParameterGroupName">Carries the family, so that a major upgrade creates the new group beside the old one.</param>
/// <param name="Parameters">The shared parameters (<see cref="ClusterSettings.Parameters"/>), and on the writer's group <c>rds.global_db_rpo</c>.</param>
/// <param name="FinalSnapshotPrefix">The final snapshot's name without its time stamp (<see cref="FinalSnapshotIdentifier"/>).</param>
/// <param name="KmsKeyPolicy">The key policy (<see cref="DatabaseKeyPolicy"/>).</param>
/// <param name="LogGroupName">The CloudWatch log group RDS exports the PostgreSQL log to, managed here with its retention and key.</param>
public sealed record DatabaseRegionBlueprint(
    string Region,
    bool IsPrimary,
    string ClusterIdentifier,
    string FinalSnapshotPrefix,
    string SubnetGroupName,
    EquatableList<string> SubnetIds,
    string ParameterGroupName,
    EquatableList<ClusterParameter> Parameters,
    string KmsKeyDescription,
    string KmsKeyPolicy,
    string LogGroupName,
    SecurityGroupSettings SecurityGroup,
    EquatableList<DatabaseInstance> Instances)
{
    /// <summary>
    /// The final snapshot of the cluster created at <paramref name="createdAt"/>: the creation time in
    /// the name makes it unique, so that deleting a cluster that was recreated under the same
    /// identifier does not fail on the snapshot the first deletion left. The component keeps the name
    /// given at creation (it ignores later changes of it).
    /// </summary>
    public string FinalSnapshotIdentifier(DateTimeOffset createdAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{FinalSnapshotPrefix}-{createdAt.UtcDateTime:yyyyMMdd-HHmmss}");
}
