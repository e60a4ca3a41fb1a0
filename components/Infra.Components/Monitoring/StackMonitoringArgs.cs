using Infra.Blueprints.Monitoring;
using Pulumi;

namespace Infra.Components.Monitoring;

/// <summary>What <see cref="StackMonitoring"/> maps: the finished blueprint, the providers per region, and the fleets' deployed names.</summary>
public sealed class StackMonitoringArgs
{
    public required StackMonitoringBlueprint Blueprint { get; init; }

    /// <summary>One AWS provider per region: each alarm, topic and dashboard goes through its region's.</summary>
    public required IReadOnlyDictionary<string, Pulumi.Aws.Provider> AwsProviders { get; init; }

    /// <summary>Each service's target group ARN, for the load balancer metrics' dimension.</summary>
    public required IReadOnlyDictionary<string, Input<string>> TargetGroupArns { get; init; }

    /// <summary>Each service's autoscaling group name, for the EC2 metrics' dimension.</summary>
    public required IReadOnlyDictionary<string, Input<string>> AutoScalingGroupNames { get; init; }
}
