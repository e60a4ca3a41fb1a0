using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Drills;

/// <summary>How much data may be lost (RPO) and how long the switch takes (RTO), and why.</summary>
public sealed record RecoveryObjective(TimeSpan RecoveryPoint, TimeSpan RecoveryTime, string Explanation)
{
    /// <summary>e.g. <c>RPO 0s, RTO 15m</c>.</summary>
    public string Summary => $"RPO {Durations.Format(RecoveryPoint)}, RTO {Durations.Format(RecoveryTime)}";
}
