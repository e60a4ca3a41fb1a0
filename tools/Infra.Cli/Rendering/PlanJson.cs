using System.Text.Json;
using System.Text.Json.Serialization;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.Planning;
using Infra.Blueprints.Slos;
using Infra.Blueprints.Stacks;

namespace Infra.Cli.Rendering;

/// <summary>The plan as JSON, for pipelines and merge-request notes.</summary>
internal static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>
    /// The plan, with <c>fleets</c> (capacity and why), <c>vault</c> (what each service may read) and
    /// <c>kafka</c> (the stack's Kafka blueprint and, given a state, the topic changes), and <c>resources</c>
    /// (how many of each reviewed kind of resource the stack declares).
    /// </summary>
    public static string Serialize(StackPlan plan, StackBlueprint blueprint, KafkaChangePlan? changes)
    {
        var root = JsonSerializer.SerializeToNode(plan, Options)!.AsObject();
        root["fleets"] = JsonSerializer.SerializeToNode(blueprint.Fleets.Select(f => new
        {
            service = f.Name,
            f.Capacity.Min,
            f.Capacity.Desired,
            f.Capacity.Max,
            f.Capacity.Zones,
            f.Capacity.Needed,
            f.Capacity.TargetUtilisationPercent,
            f.Capacity.AfterZoneLoss,
            targetTracking = new { rpsPerInstance = f.Capacity.TargetRpsPerInstance, f.AutoScaling.TargetTracking.RequestsPerTargetPerMinute },
            why = f.Explanation,
            image = f.LaunchTemplate.ImageId,
            instanceType = f.LaunchTemplate.InstanceType,
            f.Port,
            calledBy = f.CalledBy,
            calls = f.Calls,
        }), Options);
        root["slos"] = JsonSerializer.SerializeToNode(blueprint.Monitoring.Slos.SelectMany(s => s.All).Select(slo => new
        {
            service = slo.Service,
            slo = slo.Name,
            tier = blueprint.Monitoring.Slos.Single(s => s.Service == slo.Service).Tier,
            objective = slo.Objective,
            windowDays = (int)slo.Window.TotalDays,
            latencyThresholdMs = slo.LatencyThresholdMs,
            errorBudget = slo.ErrorBudget,
            budgetMinutes = slo.BudgetMinutes,
            budgetRequestsAtPeak = slo.BudgetRequestsAtPeak,
            alerts = slo.Alerts.Select(a => new
            {
                severity = a.Severity,
                longWindow = BurnRatePolicy.WindowName(a.LongWindow),
                shortWindow = BurnRatePolicy.WindowName(a.ShortWindow),
                burnRate = a.BurnRate,
                errorRateThreshold = a.ErrorRateThreshold,
            }),
        }), Options);
        root["vault"] = JsonSerializer.SerializeToNode(VaultTables.Rows(blueprint.Vault), Options);
        root["kafka"] = JsonSerializer.SerializeToNode(new { blueprint = blueprint.Kafka, changes }, Options);
        root["resources"] = JsonSerializer.SerializeToNode(blueprint.Counts, Options);
        return root.ToJsonString(Options);
    }
}
