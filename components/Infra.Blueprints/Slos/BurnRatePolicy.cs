namespace Infra.Blueprints.Slos;

/// <summary>
/// The alert windows of the Google SRE workbook (chapter 5, "Alerting on SLOs"): page at 14.4x over
/// 1 h and 5 m and at 6x over 6 h and 30 m, ticket at 1x over 3 d and 6 h.
/// </summary>
public static class BurnRatePolicy
{
    public static IReadOnlyList<(AlertSeverity Severity, TimeSpan Long, TimeSpan Short, decimal BurnRate)> Windows { get; } =
    [
        (AlertSeverity.Page, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), 14.4m),
        (AlertSeverity.Page, TimeSpan.FromHours(6), TimeSpan.FromMinutes(30), 6m),
        (AlertSeverity.Ticket, TimeSpan.FromDays(3), TimeSpan.FromHours(6), 1m),
    ];

    /// <summary>A window as rules and alarms name it: 5m, 1h, 3d, 30d.</summary>
    public static string WindowName(TimeSpan window) => Loading.Durations.Format(window);

    /// <summary>The longest alert window: an SLO window must be at least this long to hold it.</summary>
    public static TimeSpan LongestWindow => Windows.Max(w => w.Long);

    /// <summary>Every distinct window an alert reads, shortest first (each is one recording rule or one metric alarm).</summary>
    public static IReadOnlyList<TimeSpan> DistinctWindows => [.. Windows.SelectMany(w => new[] { w.Long, w.Short }).Distinct().Order()];
}
