namespace Infra.Blueprints.Fleets;

/// <summary>
/// How a new launch template version rolls out: new instances are launched before old ones go
/// (min healthy 100%, max healthy up to the group's max), and a failed refresh rolls back.
/// </summary>
public sealed record InstanceRefreshSettings(
    string Strategy,
    int MinHealthyPercentage,
    int MaxHealthyPercentage,
    int InstanceWarmupSeconds,
    bool AutoRollback,
    bool SkipMatching);
