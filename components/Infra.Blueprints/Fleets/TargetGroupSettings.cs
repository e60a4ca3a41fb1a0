namespace Infra.Blueprints.Fleets;

/// <summary>The fleet's target group on the shared internal load balancer.</summary>
public sealed record TargetGroupSettings(
    string VpcId,
    int Port,
    string Protocol,
    string TargetType,
    int DeregistrationDelaySeconds,
    TargetHealthCheck HealthCheck);
