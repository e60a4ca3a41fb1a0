using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Monitoring;

/// <summary>One CloudWatch metric read with one statistic over one period.</summary>
/// <param name="Stat">A statistic such as Sum or Minimum, or an extended one: p99, or PR(:0.3), the percent of values up to 0.3.</param>
public sealed record MetricStat(string Namespace, string MetricName, string Stat, int PeriodSeconds, EquatableList<MetricDimension> Dimensions);
