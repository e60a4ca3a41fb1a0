using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Blueprints.Databases;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Slos;

namespace Infra.Blueprints.Monitoring;

/// <summary>
/// The bodies of the CloudWatch dashboards: per service RED (rate, errors, duration), its SLOs and
/// the budget left, saturation (instances, CPU, its databases' connections) and its databases'
/// replication lag; per stack an overview of every service and database.
/// </summary>
public static class MonitoringDashboards
{
    private const int Width = 12;
    private const int Height = 6;

    public static string Service(FleetBlueprint fleet, ServiceSlos slos, IReadOnlyList<DatabaseBlueprint> databases, string loadBalancer)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(slos);
        ArgumentNullException.ThrowIfNull(databases);
        var tg = TargetGroup(fleet.Name, loadBalancer);
        var widgets = new List<JsonObject>
        {
            Graph("Rate: requests per minute", fleet.Region, [Metric("RequestCount", tg, "Sum")]),
            Graph("Errors: target 5xx per minute", fleet.Region, [Metric("HTTPCode_Target_5XX_Count", tg, "Sum")]),
            Graph("Duration: response time (s)", fleet.Region,
                [Metric("TargetResponseTime", tg, "p50"), Metric("TargetResponseTime", tg, "p99")],
                Threshold("latency SLO", slos.Latency.LatencyThresholdMs!.Value / 1000.0)),
        };
        widgets.AddRange(slos.All.Select(slo => BudgetLeft(fleet.Name, slo, tg, fleet.Region)));
        widgets.Add(Graph("Saturation: healthy instances", fleet.Region, [Metric("HealthyHostCount", tg, "Minimum")], Threshold("minimum", fleet.Capacity.Min)));
        widgets.Add(Graph("Saturation: requests per instance per minute", fleet.Region,
            [Metric("RequestCountPerTarget", tg, "Sum")], Threshold("declared per instance", fleet.Capacity.RpsPerInstance * 60.0)));
        widgets.Add(Graph("Saturation: CPU (%)", fleet.Region,
            [new JsonArray("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", MonitoringPlaceholders.AutoScalingGroup(fleet.Name), Options("Average"))]));
        foreach (var database in databases)
        {
            widgets.Add(Graph($"Connections: {database.Name}", database.Primary.Region,
                [new JsonArray("AWS/RDS", "DatabaseConnections", "DBClusterIdentifier", database.Primary.ClusterIdentifier, Options("Maximum"))]));
            widgets.Add(ReplicaLag(database));
        }
        return Body(widgets);
    }

    public static string Overview(StackDefinition definition, IReadOnlyList<FleetBlueprint> fleets, IReadOnlyList<ServiceSlos> slos, IReadOnlyList<DatabaseBlueprint> databases, IReadOnlyDictionary<string, string> loadBalancers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(fleets);
        ArgumentNullException.ThrowIfNull(slos);
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(loadBalancers);
        var region = definition.Regions.Primary;
        var widgets = new List<JsonObject>
        {
            // Both regions' fleets, each metric in its own region: the standby's traffic shows at a switch.
            Graph("Requests per minute, by service", region, [.. fleets.Select(f => Metric("RequestCount", TargetGroup(f.Name, loadBalancers[f.Region]), "Sum", f.Name, f.Region))]),
            Graph("Target 5xx per minute, by service", region, [.. fleets.Select(f => Metric("HTTPCode_Target_5XX_Count", TargetGroup(f.Name, loadBalancers[f.Region]), "Sum", f.Name, f.Region))]),
            Graph("p99 response time (s), by service", region, [.. fleets.Select(f => Metric("TargetResponseTime", TargetGroup(f.Name, loadBalancers[f.Region]), "p99", f.Name, f.Region))]),
            Graph("Healthy instances, by service", region, [.. fleets.Select(f => Metric("HealthyHostCount", TargetGroup(f.Name, loadBalancers[f.Region]), "Minimum", f.Name, f.Region))]),
        };
        widgets.AddRange(fleets.Select(f => BudgetLeft(f.Name, slos.Single(s => s.Service == f.Service).Availability, TargetGroup(f.Name, loadBalancers[f.Region]), f.Region)));
        widgets.AddRange(databases.Select(ReplicaLag));
        return Body(widgets);
    }

    /// <summary>
    /// The share of the SLO's budget left over its window, as one number: 100 x (1 - bad ratio / budget),
    /// each metric read over the whole window.
    /// </summary>
    private static JsonObject BudgetLeft(string service, ServiceLevelObjective slo, string[] tg, string region)
    {
        var period = (int)slo.Window.TotalSeconds;
        var budget = slo.ErrorBudget.ToString(CultureInfo.InvariantCulture);
        JsonNode[] metrics = slo.Kind == SloKind.Availability
            ?
            [
                Hidden(Metric("HTTPCode_Target_5XX_Count", tg, "Sum"), "errors", period),
                Hidden(Metric("RequestCount", tg, "Sum"), "requests", period),
                Expression($"100 * (1 - (FILL(errors, 0) / requests) / {budget})", $"{slo.Name} budget left (%)"),
            ]
            :
            [
                Hidden(Metric("TargetResponseTime", tg, MonitoringBlueprints.PercentUpTo(slo.LatencyThresholdMs!.Value)), "fast", period),
                Expression($"100 * (1 - ((100 - fast) / 100) / {budget})", $"{slo.Name} budget left (%)"),
            ];
        return Widget($"{service} {slo.Name}: {slo.Description}", region, metrics, view: "singleValue", start: $"-PT{(int)slo.Window.TotalHours}H");
    }

    private static JsonObject ReplicaLag(DatabaseBlueprint database) =>
        Graph($"Replication lag (ms): {database.Name} in {database.Secondary.Region}", database.Secondary.Region,
            [new JsonArray("AWS/RDS", "AuroraGlobalDBReplicationLag", "DBClusterIdentifier", database.Secondary.ClusterIdentifier, Options("Maximum"))],
            Threshold("recovery point", database.MaxReplicationLag.TotalMilliseconds));

    private static string[] TargetGroup(string service, string loadBalancer) =>
        ["TargetGroup", MonitoringPlaceholders.TargetGroup(service), "LoadBalancer", loadBalancer];

    /// <param name="region">The metric's region when the widget shows both regions' fleets.</param>
    private static JsonArray Metric(string name, string[] dimensions, string stat, string? label = null, string? region = null)
    {
        var options = Options(stat);
        if (label is not null)
        {
            options["label"] = label;
        }
        if (region is not null)
        {
            options["region"] = region;
        }
        return new JsonArray([MonitoringBlueprints.LoadBalancerNamespace, name, .. dimensions.Select(d => (JsonNode)d), options]);
    }

    private static JsonObject Options(string stat) => new() { ["stat"] = stat, ["period"] = 60 };

    private static JsonArray Hidden(JsonArray metric, string id, int period)
    {
        var options = (JsonObject)metric[^1]!;
        options["id"] = id;
        options["visible"] = false;
        options["period"] = period;
        return metric;
    }

    private static JsonArray Expression(string expression, string label) =>
        new(new JsonObject { ["expression"] = expression, ["label"] = label, ["id"] = "result" });

    private static JsonObject Threshold(string label, double value) =>
        new() { ["horizontal"] = new JsonArray(new JsonObject { ["label"] = label, ["value"] = value }) };

    private static JsonObject Graph(string title, string region, JsonNode[] metrics, JsonObject? annotations = null) =>
        Widget(title, region, metrics, "timeSeries", null, annotations);

    // The metrics are an array, not a JsonArray: a collection expression fills a JsonArray through the
    // reflection-based JsonArray.Add<T>, which the AOT compiler refuses.
    private static JsonObject Widget(string title, string region, JsonNode[] metrics, string view, string? start, JsonObject? annotations = null)
    {
        var properties = new JsonObject
        {
            ["title"] = title,
            ["region"] = region,
            ["view"] = view,
            ["metrics"] = new JsonArray(metrics),
        };
        if (start is not null)
        {
            properties["start"] = start;
        }
        if (annotations is not null)
        {
            properties["annotations"] = annotations;
        }
        return new JsonObject { ["type"] = "metric", ["width"] = Width, ["height"] = Height, ["properties"] = properties };
    }

    /// <summary>Widgets two to a row, in order.</summary>
    private static string Body(List<JsonObject> widgets)
    {
        for (var i = 0; i < widgets.Count; i++)
        {
            widgets[i]["x"] = i % 2 * Width;
            widgets[i]["y"] = i / 2 * Height;
        }
        return new JsonObject { ["widgets"] = new JsonArray([.. widgets]) }.ToJsonString();
    }
}
