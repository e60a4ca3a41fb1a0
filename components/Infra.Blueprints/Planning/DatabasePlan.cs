namespace Infra.Blueprints.Planning;

/// <summary>A replicated database as the plan shows it.</summary>
public sealed record DatabasePlan(
    string Name,
    string Team,
    string EngineVersion,
    string InstanceClass,
    string PrimaryRegion,
    string SecondaryRegion,
    int Readers,
    int BackupRetentionDays,
    IReadOnlyList<string> UsedBy);
