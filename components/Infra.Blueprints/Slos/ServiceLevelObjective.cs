using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Slos;

/// <summary>
/// One SLO of one service and its alerts: the single source of the CloudWatch alarms, the
/// Prometheus rules, the dashboards and the plan.
/// </summary>
/// <param name="Objective">Percent of good requests over <paramref name="Window"/>, e.g. 99.9.</param>
/// <param name="LatencyThresholdMs">For a latency SLO, the bound a good request is served under; null for availability.</param>
/// <param name="PeakRps">The service's declared peak, which sizes the budget in requests.</param>
public sealed record ServiceLevelObjective(
    string Service,
    string Team,
    SloKind Kind,
    decimal Objective,
    TimeSpan Window,
    int? LatencyThresholdMs,
    int PeakRps,
    EquatableList<BurnRateAlert> Alerts)
{
    /// <summary>The share of requests allowed to be bad: 1 - objective / 100.</summary>
    public decimal ErrorBudget => 1m - (Objective / 100m);

    /// <summary>The budget as time: how long the service may be wholly failing within the window.</summary>
    public decimal BudgetMinutes => ErrorBudget * (decimal)Window.TotalMinutes;

    /// <summary>The budget as requests, if the service ran at its declared peak the whole window (an upper bound).</summary>
    public long BudgetRequestsAtPeak => (long)Math.Floor(ErrorBudget * PeakRps * (decimal)Window.TotalSeconds);

    /// <summary>The SLO's name in rules and alarms: availability or latency.</summary>
    public string Name => Kind == SloKind.Availability ? "availability" : "latency";

    /// <summary>What a good request is, in words, for plans, dashboards and rule annotations.</summary>
    public string Description => Kind == SloKind.Availability
        ? $"{Objective}% of requests without a 5xx over {Window.TotalDays:0} days"
        : $"{Objective}% of requests served under {LatencyThresholdMs} ms over {Window.TotalDays:0} days";
}
