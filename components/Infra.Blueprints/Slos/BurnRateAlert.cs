namespace Infra.Blueprints.Slos;

/// <summary>
/// One multiwindow burn-rate alert: it fires while the error rate is above
/// <see cref="ErrorRateThreshold"/> over both the long and the short window (the short one makes it
/// stop soon after the problem does).
/// </summary>
/// <param name="BurnRate">How many times faster than the budget allows, e.g. 14.4.</param>
/// <param name="ErrorRateThreshold">The burn rate times the error budget, as a ratio: 14.4 x 0.001 = 0.0144.</param>
/// <param name="BudgetSpent">The share of the window's budget spent when the long window fires: 14.4 x 1 h / 30 d = 2 %.</param>
public sealed record BurnRateAlert(
    AlertSeverity Severity,
    TimeSpan LongWindow,
    TimeSpan ShortWindow,
    decimal BurnRate,
    decimal ErrorRateThreshold,
    decimal BudgetSpent);
