namespace Infra.Blueprints.Definition;

/// <summary>How the load balancer decides that an instance is healthy.</summary>
public sealed record HealthCheckSettings(string Path, int IntervalSeconds, int HealthyThreshold, int UnhealthyThreshold);
