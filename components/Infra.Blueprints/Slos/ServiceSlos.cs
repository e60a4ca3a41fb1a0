using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Slos;

/// <summary>A service's SLOs, and the tier they come from.</summary>
/// <param name="TierReason">Why this tier: declared, or the default of the data classification.</param>
public sealed record ServiceSlos(
    string Service,
    string Team,
    int Tier,
    string TierReason,
    ServiceLevelObjective Availability,
    ServiceLevelObjective Latency)
{
    public EquatableList<ServiceLevelObjective> All => [Availability, Latency];
}
