using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>The autoscaling group: one private subnet per zone, how unhealthy instances are found, and target tracking above the minimum.</summary>
public sealed record AutoScalingSettings(
    EquatableList<ZoneSubnet> Subnets,
    string HealthCheckType,
    int HealthCheckGracePeriodSeconds,
    bool CapacityRebalance,
    InstanceRefreshSettings InstanceRefresh,
    TargetTrackingSettings TargetTracking);
