namespace Infra.Blueprints.Drills;

/// <summary>What an offline pre-check could tell.</summary>
public enum DrillCheckStatus
{
    Passed,
    Failed,

    /// <summary>Only the live estate can tell; the runbook says how to check it before starting.</summary>
    Manual,
}
