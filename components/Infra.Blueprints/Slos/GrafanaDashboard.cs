using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Blueprints.Slos;

/// <summary>
/// A Grafana dashboard of a stack's SLOs over the Prometheus rules of <see cref="PrometheusRules"/>:
/// per service a row with each SLO's budget left over its window, its current burn rate against the
/// page thresholds, and RED from the same series. Import it in Grafana (Dashboards, New, Import)
/// with a Prometheus data source.
/// </summary>
public static class GrafanaDashboard
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(string stack, string environment, IReadOnlyList<ServiceSlos> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var panels = new List<JsonNode>();
        var y = 0;
        var id = 1;
        foreach (var service in services)
        {
            panels.Add(new JsonObject { ["type"] = "row", ["title"] = $"{service.Service} ({service.TierReason})", ["id"] = id++, ["gridPos"] = Grid(0, y++, 24, 1), ["collapsed"] = false });
            var x = 0;
            foreach (var slo in service.All)
            {
                var labels = $"sloth_service=\"{slo.Service}\", sloth_slo=\"{slo.Name}\"";
                panels.Add(Panel(id++, "stat", $"{slo.Service} {slo.Name}: budget left", Grid(x, y, 6, 6), "percentunit",
                    ($"slo:period_error_budget_remaining:ratio{{{labels}}}", "budget left")));
                var burn = Panel(id++, "timeseries", $"{slo.Service} {slo.Name}: burn rate ({slo.Description})", Grid(x + 6, y, 6, 6), "none",
                    ($"slo:current_burn_rate:ratio{{{labels}}}", "burn rate"));
                burn["fieldConfig"]!["defaults"]!["thresholds"] = new JsonObject
                {
                    ["mode"] = "absolute",
                    ["steps"] = new JsonArray([new JsonObject { ["color"] = "green", ["value"] = null }, .. slo.Alerts.Select(a => new JsonObject
                    {
                        ["color"] = a.Severity == AlertSeverity.Page ? "red" : "orange",
                        ["value"] = (double)a.BurnRate,
                    })]),
                };
                panels.Add(burn);
                x += 12;
            }
            y += 6;
            var selector = $"service=\"{service.Service}\", environment=\"{environment}\"";
            panels.Add(Panel(id++, "timeseries", $"{service.Service}: rate (requests per minute)", Grid(0, y, 8, 6), "reqpm", ($"sum({PrometheusRules.RequestsMetric}{{{selector}}})", "requests")));
            panels.Add(Panel(id++, "timeseries", $"{service.Service}: errors (5xx ratio)", Grid(8, y, 8, 6), "percentunit",
                ($"slo:sli_error:ratio_rate5m{{sloth_service=\"{service.Service}\", sloth_slo=\"availability\"}}", "5xx ratio")));
            panels.Add(Panel(id++, "timeseries", $"{service.Service}: duration (p99, s)", Grid(16, y, 8, 6), "s",
                ($"histogram_quantile(0.99, sum by (le) (rate({PrometheusRules.LatencyBucketMetric}{{{selector}}}[5m])))", "p99")));
            y += 6;
        }
        var dashboard = new JsonObject
        {
            ["title"] = $"SLOs of {stack}",
            ["uid"] = $"infra-slos-{stack}",
            ["tags"] = new JsonArray("slo", stack),
            ["timezone"] = "utc",
            ["schemaVersion"] = 39,
            ["time"] = new JsonObject { ["from"] = "now-7d", ["to"] = "now" },
            ["templating"] = new JsonObject
            {
                ["list"] = new JsonArray(new JsonObject { ["name"] = "datasource", ["label"] = "Prometheus", ["type"] = "datasource", ["query"] = "prometheus" }),
            },
            ["panels"] = new JsonArray([.. panels]),
        };
        return dashboard.ToJsonString(Indented) + "\n";
    }

    private static JsonObject Grid(int x, int y, int w, int h) => new() { ["x"] = x, ["y"] = y, ["w"] = w, ["h"] = h };

    private static JsonObject Panel(int id, string type, string title, JsonObject grid, string unit, (string Expr, string Legend) query) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["title"] = title,
        ["gridPos"] = grid,
        ["datasource"] = new JsonObject { ["type"] = "prometheus", ["uid"] = "${datasource}" },
        ["fieldConfig"] = new JsonObject { ["defaults"] = new JsonObject { ["unit"] = unit } },
        ["targets"] = new JsonArray(new JsonObject { ["refId"] = "A", ["expr"] = query.Expr, ["legendFormat"] = query.Legend }),
    };
}
