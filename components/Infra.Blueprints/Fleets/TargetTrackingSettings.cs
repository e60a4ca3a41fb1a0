namespace Infra.Blueprints.Fleets;

/// <summary>
/// The group's scaling policy above its minimum: keep each instance at the target utilisation of
/// what it serves, measured as the load balancer's requests per target per minute.
/// </summary>
/// <param name="PredefinedMetricType">ALBRequestCountPerTarget.</param>
/// <param name="LoadBalancerArnSuffix">The shared load balancer's <c>app/NAME/ID</c>: the first half of the metric's resource label, the target group's ARN suffix is the second.</param>
/// <param name="RequestsPerTargetPerMinute">The target value: the target rps per instance over one minute.</param>
/// <param name="EstimatedInstanceWarmupSeconds">How long a new instance takes before its requests count: its boot.</param>
public sealed record TargetTrackingSettings(
    string PredefinedMetricType,
    string LoadBalancerArnSuffix,
    decimal RequestsPerTargetPerMinute,
    int EstimatedInstanceWarmupSeconds);
