namespace Infra.Blueprints.Planning;

/// <summary>A replicated database as the plan shows it.</summary>
/// <param name="GlobalCluster">The Aurora global cluster's identifier; <paramref name="PrimaryCluster"/> (the writer's) and
/// <paramref name="SecondaryCluster"/> are its members' cluster identifiers, which the nightly check asks RDS about.</param>
public sealed record DatabasePlan(
    string Name,
    string Team,
    string EngineVersion,
    string InstanceClass,
    string PrimaryRegion,
    string SecondaryRegion,
    string GlobalCluster,
    string PrimaryCluster,
    string SecondaryCluster,
    int Readers,
    int BackupRetentionDays,
    IReadOnlyList<string> UsedBy);
