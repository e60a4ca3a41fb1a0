using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>The autoscaling group: one private subnet per zone, replaced on the load balancer's verdict.</summary>
public sealed record AutoScalingSettings(
    EquatableList<ZoneSubnet> Subnets,
    string HealthCheckType,
    int HealthCheckGracePeriodSeconds,
    bool CapacityRebalance,
    InstanceRefreshSettings InstanceRefresh);
