namespace Infra.Blueprints.Monitoring;

/// <summary>
/// A CloudWatch metric dimension. A value known only once the stack is deployed (a target group's
/// ARN suffix) is a <see cref="MonitoringPlaceholders"/> token that the component resolves.
/// </summary>
public sealed record MetricDimension(string Name, string Value);
