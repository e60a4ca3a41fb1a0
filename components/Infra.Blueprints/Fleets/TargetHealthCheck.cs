namespace Infra.Blueprints.Fleets;

/// <summary>The load balancer's health check of each instance, on the traffic port.</summary>
public sealed record TargetHealthCheck(
    string Path,
    string Protocol,
    int IntervalSeconds,
    int TimeoutSeconds,
    int HealthyThreshold,
    int UnhealthyThreshold,
    string Matcher);
