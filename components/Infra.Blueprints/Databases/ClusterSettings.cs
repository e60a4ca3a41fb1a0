using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Databases;

/// <summary>The settings both regional clusters share: a switch moves the writer, never these.</summary>
/// <param name="Parameters">What both regions' parameter groups hold; the writer's adds rds.global_db_rpo (<see cref="DatabaseRegionBlueprint.Parameters"/>).</param>
/// <param name="ParameterGroupFamily">The cluster parameter group family of the engine's major version, e.g. aurora-postgresql16.</param>
/// <param name="BackupWindow">Daily, UTC, hh:mm-hh:mm.</param>
/// <param name="MaintenanceWindow">Weekly, UTC, ddd:hh:mm-ddd:hh:mm; never overlaps <paramref name="BackupWindow"/>.</param>
/// <param name="Protect">Pulumi's <c>protect</c> on the global cluster, the clusters and their keys.</param>
/// <param name="SkipFinalSnapshot">Whether deleting a cluster may skip its final snapshot.</param>
/// <param name="PubliclyAccessible">Whether the instances get a public address.</param>
/// <param name="PerformanceInsightsEnabled">Performance Insights on every instance, encrypted with the region's key.</param>
/// <param name="KmsKeyRotation">Yearly rotation of each region's KMS key.</param>
/// <param name="AutoMinorVersionUpgrade">Always false: the stack config pins the minor version (engineVersion) and only a reviewed change upgrades it, through the global cluster.</param>
/// <param name="AllowMajorVersionUpgrade">Always false: a major upgrade is a planned change of the global cluster, with a new parameter group family.</param>
/// <param name="DeleteAutomatedBackups">Always false: deleting a cluster keeps its automated backups until they expire.</param>
/// <param name="LogRetentionDays">How long the CloudWatch log groups of the clusters keep the PostgreSQL and audit log: at least a year.</param>
public sealed record ClusterSettings(
    string ParameterGroupFamily,
    EquatableList<ClusterParameter> Parameters,
    int BackupRetentionDays,
    string BackupWindow,
    string MaintenanceWindow,
    bool StorageEncrypted,
    bool IamAuthentication,
    bool DeletionProtection,
    bool Protect,
    bool ApplyImmediately,
    bool CopyTagsToSnapshot,
    EquatableList<string> LogExports,
    int PerformanceInsightsRetentionDays,
    int KmsDeletionWindowDays,
    bool SkipFinalSnapshot,
    bool PubliclyAccessible,
    bool PerformanceInsightsEnabled,
    bool KmsKeyRotation,
    bool AutoMinorVersionUpgrade,
    bool AllowMajorVersionUpgrade,
    bool DeleteAutomatedBackups,
    int LogRetentionDays);
