using System.Globalization;
using Infra.Blueprints.Slos;
using Spectre.Console;

namespace Infra.Cli.Rendering;

/// <summary>The SLOs of the plan: each service's objectives, its error budget in minutes and requests per window, and the alert thresholds.</summary>
internal static class SloTables
{
    public static void Render(IReadOnlyList<ServiceSlos> services, IAnsiConsole console)
    {
        var table = new Table { Title = new TableTitle($"SLOs ({services.Count} services)"), Border = TableBorder.Rounded };
        foreach (var column in new[] { "service", "tier", "SLO", "objective", "window", "budget (min)", "budget (requests at peak)", "page", "ticket" })
        {
            table.AddColumn(column);
        }
        foreach (var service in services)
        {
            foreach (var slo in service.All)
            {
                var row = Row(slo);
                table.AddRow(
                    new Text(service.Service),
                    new Text(service.TierReason),
                    new Text(slo.Kind == SloKind.Availability ? "availability (no 5xx)" : $"latency (< {slo.LatencyThresholdMs} ms)"),
                    new Text(row.Objective),
                    new Text(row.Window),
                    new Text(row.BudgetMinutes),
                    new Text(row.BudgetRequests),
                    new Text(row.Page),
                    new Text(row.Ticket));
            }
        }
        console.Write(table);
    }

    /// <summary>One SLO as the plan's table shows it.</summary>
    private static SloRow Row(ServiceLevelObjective slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        return new SloRow(
            string.Create(CultureInfo.InvariantCulture, $"{slo.Objective}%"),
            BurnRatePolicy.WindowName(slo.Window),
            slo.BudgetMinutes.ToString("0.#", CultureInfo.InvariantCulture),
            slo.BudgetRequestsAtPeak.ToString("N0", CultureInfo.InvariantCulture),
            Alerts(slo, AlertSeverity.Page),
            Alerts(slo, AlertSeverity.Ticket));
    }

    /// <summary>"14.4x over 1h and 5m: > 0.72%; 6x over 6h and 30m: > 0.3%".</summary>
    private static string Alerts(ServiceLevelObjective slo, AlertSeverity severity) => string.Join("; ", slo.Alerts.Where(a => a.Severity == severity).Select(a =>
        string.Create(CultureInfo.InvariantCulture, $"{PrometheusRules.Number(a.BurnRate)}x over {BurnRatePolicy.WindowName(a.LongWindow)} and {BurnRatePolicy.WindowName(a.ShortWindow)}: > {PrometheusRules.Number(a.ErrorRateThreshold * 100m)}%")));
}
