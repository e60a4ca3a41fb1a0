namespace Infra.Blueprints.Definition;

/// <summary>
/// A service's SLO settings as written under <c>slo:</c> in its stack entry, each null when left to
/// the default of the service's tier (see <c>ServiceLevelObjectives</c>).
/// </summary>
/// <param name="Tier">1 (critical), 2 (important) or 3 (supporting); null takes it from the data classification.</param>
/// <param name="Window">The SLO's rolling window, e.g. 30 days.</param>
/// <param name="Availability">Percent of requests that must not end in a 5xx, e.g. 99.9.</param>
/// <param name="LatencyTarget">Percent of requests that must be served under <paramref name="LatencyThresholdMs"/>, e.g. 99.</param>
/// <param name="LatencyThresholdMs">The latency bound, in milliseconds.</param>
public sealed record ServiceLevelSettings(
    int? Tier,
    TimeSpan? Window,
    decimal? Availability,
    decimal? LatencyTarget,
    int? LatencyThresholdMs)
{
    /// <summary>Nothing declared: every value comes from the tier's defaults.</summary>
    public static ServiceLevelSettings Defaults { get; } = new(null, null, null, null, null);
}
