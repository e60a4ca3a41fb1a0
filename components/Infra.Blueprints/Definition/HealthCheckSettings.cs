namespace Infra.Blueprints.Definition;

/// <summary>
/// How a service's health is checked. Liveness (the process works) decides replacement;
/// readiness (it can serve now, its dependencies included) decides routing, so a database
/// switchover takes instances out of rotation without terminating the fleet.
/// </summary>
public sealed record HealthCheckSettings(string LivenessPath, string ReadinessPath, int IntervalSeconds, int HealthyThreshold, int UnhealthyThreshold);
