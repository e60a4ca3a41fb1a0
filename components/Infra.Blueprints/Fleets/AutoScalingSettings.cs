using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// The autoscaling group: one private subnet per zone; replaced on the instances' liveness (EC2
/// status plus the watchdog's report), never on the load balancer's readiness; target tracking above
/// the minimum. <see cref="Tags"/> are the group's: the fleet's, plus <see cref="LivenessTag"/>.
/// </summary>
public sealed record AutoScalingSettings(
    EquatableList<ZoneSubnet> Subnets,
    string HealthCheckType,
    int HealthCheckGracePeriodSeconds,
    bool CapacityRebalance,
    InstanceRefreshSettings InstanceRefresh,
    TargetTrackingSettings TargetTracking,
    LivenessCheck Liveness,
    EquatableList<ResourceTag> Tags)
{
    /// <summary>The group's tag that names its liveness check: what rule aws-autoscaling-group-elb-health-check accepts instead of ELB health.</summary>
    public const string LivenessTag = "liveness-check";
}
