using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Drills;

/// <summary>
/// The region switch of a stack's databases from <see cref="From"/> to <see cref="To"/>: the
/// pre-checks, the steps of a planned switchover and of a disaster failover, what each costs in
/// data and time, and the way back.
/// </summary>
public sealed record RegionSwitchPlan(
    string Stack,
    EnvironmentKind Environment,
    string From,
    string To,
    EquatableList<DrillCheck> PreChecks,
    EquatableList<DrillStep> PlannedSwitchover,
    RecoveryObjective PlannedObjective,
    EquatableList<DrillStep> DisasterFailover,
    RecoveryObjective FailoverObjective,
    EquatableList<DrillStep> Rollback)
{
    /// <summary>True when no offline pre-check failed; the manual ones are still to be done live.</summary>
    public bool Ready => PreChecks.All(c => c.Status != DrillCheckStatus.Failed);
}
