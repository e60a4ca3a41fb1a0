namespace Infra.Blueprints.Monitoring;

/// <summary>One query of a metric-math alarm: a metric (<see cref="Metric"/>) or an expression over other queries' ids.</summary>
/// <param name="ReturnData">True for the one query the alarm compares with its threshold.</param>
public sealed record MetricQuery(string Id, MetricStat? Metric, string? Expression, string? Label, bool ReturnData);
