using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Databases;

/// <summary>The settings both regional clusters share: a switch moves the writer, never these.</summary>
/// <param name="ParameterGroupFamily">The cluster parameter group family of the engine's major version, e.g. aurora-postgresql16.</param>
/// <param name="BackupWindow">Daily, UTC, hh:mm-hh:mm.</param>
/// <param name="MaintenanceWindow">Weekly, UTC, ddd:hh:mm-ddd:hh:mm; never overlaps <paramref name="BackupWindow"/>.</param>
/// <param name="Protect">Pulumi's <c>protect</c> on the global cluster, the clusters and their keys.</param>
/// <param name="SkipFinalSnapshot">Whether deleting a cluster may skip its final snapshot.</param>
/// <param name="PubliclyAccessible">Whether the instances get a public address.</param>
/// <param name="PerformanceInsightsEnabled">Performance Insights on every instance, encrypted with the region's key.</param>
/// <param name="KmsKeyRotation">Yearly rotation of each region's KMS key.</param>
/// <param name="ManageMasterUserPassword">RDS creates and keeps the master password in Secrets Manager (the primary's cluster, at creation).</param>
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
    bool ManageMasterUserPassword);
