using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.Planning;
using Infra.Blueprints.Slos;
using Infra.Blueprints.Stacks;
using Infra.Blueprints.Vault;

namespace Infra.Cli.Rendering;

/// <summary>The plan as JSON, for pipelines and merge-request notes.</summary>
internal static partial class PlanJson
{
    // Source-generated metadata (no reflection), so the command also runs compiled ahead of time. Enums are
    // written kebab-case by one converter each (the reflection-free kind); an enum not listed here comes out
    // by its C# name (UseStringEnumConverter), never as a number.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters =
        {
            Kebab<EnvironmentKind>(),
            Kebab<AlertSeverity>(),
            Kebab<TopicChangeKind>(),
            Kebab<KafkaAclResourceType>(),
            Kebab<KafkaAclPatternType>(),
            Kebab<KafkaAclOperation>(),
        },
        TypeInfoResolver = PlanJsonContext.Default,
    };

    /// <summary>
    /// The plan, with <c>fleets</c> (capacity and why, egress, Consul registration, health), <c>vault</c> (what each service may read) and
    /// <c>kafka</c> (the stack's Kafka blueprint and, given a state, the topic changes), and <c>resources</c>
    /// (how many of each reviewed kind of resource the stack declares).
    /// </summary>
    public static string Serialize(StackPlan plan, StackBlueprint blueprint, KafkaChangePlan? changes)
    {
        var root = Node(plan)!.AsObject();
        root["fleets"] = Node(blueprint.Fleets.Select(f => new FleetJson(
            f.Service, f.Region, f.IsStandby, f.FullSize.Min, f.Capacity.Min, f.Capacity.Desired, f.Capacity.Max, f.Capacity.Zones,
            f.Capacity.Needed, f.Capacity.TargetUtilisationPercent, f.Capacity.AfterZoneLoss,
            new TargetTrackingJson(f.Capacity.TargetRpsPerInstance, f.AutoScaling.TargetTracking.RequestsPerTargetPerMinute),
            f.Explanation, f.LaunchTemplate.ImageId, f.LaunchTemplate.InstanceType, f.Port, f.CalledBy, f.Calls,
            f.Internet,
            [.. f.SecurityGroup.Egress.Select(r => new EgressRuleJson(r.Description, r.Protocol, r.Port, r.Peer.ToString()))],
            f.EgressProxy is { } proxy ? new EgressProxyJson(proxy.Url.AbsoluteUri.TrimEnd('/'), proxy.Destinations, proxy.NoProxy) : null,
            new ConsulJson(f.Consul.ServiceName, f.ConsulRegistration, f.Consul.Join.Description),
            new HealthJson(f.AutoScaling.Liveness.Path, f.TargetGroup.HealthCheck.Path, f.AutoScaling.HealthCheckType, f.AutoScaling.HealthCheckGracePeriodSeconds, f.Health),
            f.Sessions)).ToArray());
        root["ebsKeyGrants"] = Node(blueprint.EbsKeyGrants.Select(g => new EbsKeyGrantJson(g.Region, g.Name, g.KeyAlias, g.GranteePrincipal, g.Operations)).ToArray());
        root["sessionLogging"] = Node(blueprint.SessionLogging.Select(l => new SessionLoggingJson(l.Region, l.LogGroupName, l.RetentionDays, l.PreferencesDocumentName)).ToArray());
        root["slos"] = Node(blueprint.Monitoring.Slos.SelectMany(s => s.All, (service, slo) => new SloJson(
            slo.Service,
            slo.Name,
            service.Tier,
            slo.Objective,
            (int)slo.Window.TotalDays,
            slo.LatencyThresholdMs,
            slo.ErrorBudget,
            slo.BudgetMinutes,
            slo.BudgetRequestsAtPeak,
            [.. slo.Alerts.Select(a => new AlertJson(
                a.Severity, BurnRatePolicy.WindowName(a.LongWindow), BurnRatePolicy.WindowName(a.ShortWindow), a.BurnRate, a.ErrorRateThreshold))])).ToArray());
        root["vault"] = Node(VaultTables.Rows(blueprint.Vault));
        root["vaultProviderToken"] = Node(blueprint.Vault.ProviderToken);
        root["kafka"] = Node(new KafkaJson(blueprint.Kafka, changes));
        root["resources"] = Node(blueprint.Counts);
        return root.ToJsonString(Options);
    }

    private static JsonStringEnumConverter<TEnum> Kebab<TEnum>()
        where TEnum : struct, Enum => new(JsonNamingPolicy.KebabCaseLower);

    private static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    /// <param name="FullSizeMin">The minimum a region switch scales the fleet up to: its <paramref name="Min"/> unless it is the standby.</param>
    private sealed record FleetJson(
        string Service, string Region, bool Standby, int FullSizeMin, int Min, int Desired, int Max, int Zones, int Needed, int TargetUtilisationPercent, int AfterZoneLoss,
        TargetTrackingJson TargetTracking, string Why, string Image, string InstanceType, int Port,
        IReadOnlyList<string> CalledBy, IReadOnlyList<string> Calls,
        string Internet, IReadOnlyList<EgressRuleJson> Egress, EgressProxyJson? EgressProxy, ConsulJson Consul, HealthJson Health, string Sessions);

    private sealed record EbsKeyGrantJson(string Region, string Name, string KeyAlias, string Grantee, IReadOnlyList<string> Operations);

    private sealed record SessionLoggingJson(string Region, string LogGroup, int RetentionDays, string PreferencesDocument);

    private sealed record TargetTrackingJson(decimal RpsPerInstance, decimal RequestsPerTargetPerMinute);

    private sealed record EgressRuleJson(string Description, string Protocol, int Port, string To);

    private sealed record EgressProxyJson(string Url, IReadOnlyList<string> Destinations, IReadOnlyList<string> NoProxy);

    private sealed record ConsulJson(string ServiceName, string Registration, string Join);

    private sealed record HealthJson(string Liveness, string Readiness, string HealthCheckType, int GracePeriodSeconds, string Why);

    private sealed record SloJson(
        string Service, string Slo, int Tier, decimal Objective, int WindowDays, int? LatencyThresholdMs, decimal ErrorBudget,
        decimal BudgetMinutes, long BudgetRequestsAtPeak, IReadOnlyList<AlertJson> Alerts);

    private sealed record AlertJson(AlertSeverity Severity, string LongWindow, string ShortWindow, decimal BurnRate, decimal ErrorRateThreshold);

    private sealed record KafkaJson(KafkaTopicsBlueprint Blueprint, KafkaChangePlan? Changes);

    [JsonSourceGenerationOptions(UseStringEnumConverter = true)]
    [JsonSerializable(typeof(StackPlan))]
    [JsonSerializable(typeof(FleetJson[]))]
    [JsonSerializable(typeof(EbsKeyGrantJson[]))]
    [JsonSerializable(typeof(SessionLoggingJson[]))]
    [JsonSerializable(typeof(SloJson[]))]
    [JsonSerializable(typeof(IReadOnlyList<VaultAccessRow>))]
    [JsonSerializable(typeof(VaultProviderToken))]
    [JsonSerializable(typeof(KafkaJson))]
    [JsonSerializable(typeof(StackResourceCounts))]
    private sealed partial class PlanJsonContext : JsonSerializerContext;
}
