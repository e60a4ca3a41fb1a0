namespace Infra.Blueprints.Monitoring;

/// <summary>
/// A CloudWatch dashboard. <see cref="BodyTemplate"/> is its JSON body with
/// <see cref="MonitoringPlaceholders"/> tokens where a deployed value goes (a target group).
/// </summary>
public sealed record DashboardBlueprint(string Name, string? Service, string BodyTemplate);
