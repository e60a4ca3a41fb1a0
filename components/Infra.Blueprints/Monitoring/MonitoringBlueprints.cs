using System.Globalization;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Databases;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Slos;

namespace Infra.Blueprints.Monitoring;

/// <summary>
/// Builds what watches a stack from its SLOs, fleets and databases: a pure function. Every
/// threshold comes from the SLO blueprint (<see cref="ServiceLevelObjectives"/>) or from what the
/// fleet and database blueprints declare; nothing is recomputed here.
/// </summary>
public static class MonitoringBlueprints
{
    public const string LoadBalancerNamespace = "AWS/ApplicationELB";

    /// <summary>Saturation alarms look at one-minute points and fire after this many in a row: a spike is not saturation.</summary>
    public const int SaturationMinutes = 5;

    /// <summary>Burstable instances alarm when fewer CPU credits are left than this: about an hour of a large instance at full speed.</summary>
    public const int MinimumCpuCredits = 50;

    public static StackMonitoringBlueprint For(StackDefinition definition, IReadOnlyList<FleetBlueprint> fleets, IReadOnlyList<DatabaseBlueprint> databases)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(fleets);
        ArgumentNullException.ThrowIfNull(databases);
        var slos = ServiceLevelObjectives.For(definition);
        var stack = definition.StackName;
        var loadBalancers = definition.Networks.ToDictionary(n => n.Region, n => LoadBalancerDimension(n.LoadBalancer.ListenerArn), StringComparer.Ordinal);
        var alarms = new List<MetricAlarmBlueprint>();
        var composites = new List<CompositeAlarmBlueprint>();
        foreach (var fleet in fleets)
        {
            var serviceSlos = slos.Single(s => s.Service == fleet.Service);
            var dimensions = TargetGroupDimensions(fleet.Name, loadBalancers[fleet.Region]);
            foreach (var slo in serviceSlos.All)
            {
                var windowAlarms = slo.Alerts.SelectMany(alert => new[]
                {
                    SloWindowAlarm(stack, fleet, slo, alert, alert.LongWindow, dimensions),
                    SloWindowAlarm(stack, fleet, slo, alert, alert.ShortWindow, dimensions),
                }).ToList();
                alarms.AddRange(windowAlarms);
                composites.AddRange(Composites(stack, fleet, slo, windowAlarms));
            }
            alarms.AddRange(SaturationAlarms(stack, fleet, dimensions));
        }
        alarms.AddRange(databases.Select(d => ReplicaLagAlarm(stack, d)));
        var topics = alarms.Select(a => (a.Team, a.Region)).Distinct()
            .OrderBy(t => t.Team, StringComparer.Ordinal).ThenBy(t => t.Region, StringComparer.Ordinal)
            .Select(t => Topic(t.Team, t.Region, definition))
            .ToEquatableList();
        var keys = topics.Select(t => t.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(region => Key(region, definition))
            .ToEquatableList();
        var dashboards = fleets
            .Select(f => new DashboardBlueprint($"{stack}-{f.Name}", f.Service, MonitoringDashboards.Service(f, slos.Single(s => s.Service == f.Service), databases.Where(d => d.UsedBy.Contains(f.Service)).ToList(), loadBalancers[f.Region])))
            .Append(new DashboardBlueprint($"{stack}-overview", null, MonitoringDashboards.Overview(definition, fleets, slos, databases, loadBalancers)))
            .ToEquatableList();
        return new StackMonitoringBlueprint(stack, definition.Regions.Primary, slos, keys, topics, alarms.ToEquatableList(), composites.ToEquatableList(), dashboards);
    }

    /// <summary>The name of an SLO's window alarm: stack, fleet (service and region), SLO, severity and window, e.g. staging-ledger-eu-west-3-availability-page-1h.</summary>
    public static string WindowAlarmName(string stack, string fleet, ServiceLevelObjective slo, AlertSeverity severity, TimeSpan window) =>
        $"{stack}-{fleet}-{slo.Name}-{Severity(severity)}-{Durations.Format(window)}";

    public static string TopicName(string stack, string team) => $"{stack}-alerts-{team}";

    public static string Severity(AlertSeverity severity) => severity == AlertSeverity.Page ? "page" : "ticket";

    /// <summary>The <c>app/NAME/ID</c> of the shared load balancer, from its listener's ARN: the metrics' <c>LoadBalancer</c> dimension.</summary>
    public static string LoadBalancerDimension(string listenerArn)
    {
        ArgumentNullException.ThrowIfNull(listenerArn);
        var path = listenerArn[(listenerArn.IndexOf(":listener/", StringComparison.Ordinal) + ":listener/".Length)..];
        return path[..path.LastIndexOf('/')];
    }

    private static EquatableList<MetricDimension> TargetGroupDimensions(string service, string loadBalancer) =>
        [new("TargetGroup", MonitoringPlaceholders.TargetGroup(service)), new("LoadBalancer", loadBalancer)];

    /// <summary>
    /// The bad-request ratio of one SLO over one window, compared with the alert's threshold. An
    /// availability SLO divides the target 5xx count (absent when zero, so filled) by the request
    /// count; a latency SLO takes the percent of responses up to the threshold (the PR statistic) and
    /// counts the rest as bad. No traffic is no error.
    /// </summary>
    private static MetricAlarmBlueprint SloWindowAlarm(string stack, FleetBlueprint fleet, ServiceLevelObjective slo, BurnRateAlert alert, TimeSpan window, EquatableList<MetricDimension> dimensions)
    {
        var period = (int)window.TotalSeconds;
        EquatableList<MetricQuery> queries = slo.Kind == SloKind.Availability
            ?
            [
                new("errors", new MetricStat(LoadBalancerNamespace, "HTTPCode_Target_5XX_Count", "Sum", period, dimensions), null, null, false),
                new("requests", new MetricStat(LoadBalancerNamespace, "RequestCount", "Sum", period, dimensions), null, null, false),
                new("ratio", null, "FILL(errors, 0) / requests", $"5xx ratio over {Durations.Format(window)}", true),
            ]
            :
            [
                new("fast", new MetricStat(LoadBalancerNamespace, "TargetResponseTime", PercentUpTo(slo.LatencyThresholdMs!.Value), period, dimensions), null, null, false),
                new("ratio", null, "(100 - fast) / 100", $"share slower than {slo.LatencyThresholdMs} ms over {Durations.Format(window)}", true),
            ];
        return new MetricAlarmBlueprint(
            WindowAlarmName(stack, fleet.Name, slo, alert.Severity, window),
            $"{fleet.Name} {slo.Name}: bad-request ratio over {Durations.Format(window)} above {alert.BurnRate.ToString(CultureInfo.InvariantCulture)}x the budget of {slo.Description}",
            fleet.Service,
            fleet.Team,
            fleet.Region,
            alert.Severity,
            queries,
            "GreaterThanThreshold",
            (double)alert.ErrorRateThreshold,
            EvaluationPeriods: 1,
            DatapointsToAlarm: 1,
            TreatMissingData: "notBreaching",
            NotifiesTeam: false,
            SloTags(fleet.Tags, slo, alert.Severity));
    }

    /// <summary>CloudWatch's percentile rank: the percent of responses that took at most the threshold, in seconds.</summary>
    public static string PercentUpTo(int thresholdMs) =>
        string.Create(CultureInfo.InvariantCulture, $"PR(:{thresholdMs / 1000m})");

    /// <summary>One composite per severity: a pair of windows fires when both its alarms do.</summary>
    private static IEnumerable<CompositeAlarmBlueprint> Composites(string stack, FleetBlueprint fleet, ServiceLevelObjective slo, List<MetricAlarmBlueprint> windowAlarms)
    {
        foreach (var severity in slo.Alerts.Select(a => a.Severity).Distinct())
        {
            var pairs = slo.Alerts.Where(a => a.Severity == severity)
                .Select(a => (Long: WindowAlarmName(stack, fleet.Name, slo, severity, a.LongWindow), Short: WindowAlarmName(stack, fleet.Name, slo, severity, a.ShortWindow)))
                .ToList();
            var rule = string.Join(" OR ", pairs.Select(p => $"(ALARM(\"{p.Long}\") AND ALARM(\"{p.Short}\"))"));
            var names = pairs.SelectMany(p => new[] { p.Long, p.Short }).ToEquatableList();
            yield return new CompositeAlarmBlueprint(
                $"{stack}-{fleet.Name}-{slo.Name}-{Severity(severity)}",
                $"{fleet.Name} burns the error budget of its {slo.Name} SLO ({slo.Description}) too fast: {Severity(severity)}",
                fleet.Service,
                fleet.Team,
                fleet.Region,
                severity,
                rule,
                names,
                SloTags(fleet.Tags, slo, severity));
        }
    }

    /// <summary>
    /// Saturation from what the fleet declares: fewer healthy instances than its minimum (the load
    /// balancer's view of the in-service instances), more requests per instance than one instance
    /// serves, and for burstable types CPU credits running out.
    /// </summary>
    private static IEnumerable<MetricAlarmBlueprint> SaturationAlarms(string stack, FleetBlueprint fleet, EquatableList<MetricDimension> dimensions)
    {
        yield return Saturation(stack, fleet, "healthy-hosts", AlertSeverity.Page,
            $"{fleet.Name} has fewer healthy instances than its minimum of {fleet.Capacity.Min}",
            [new("healthy", new MetricStat(LoadBalancerNamespace, "HealthyHostCount", "Minimum", 60, dimensions), null, null, true)],
            "LessThanThreshold", fleet.Capacity.Min, missing: "breaching");
        yield return Saturation(stack, fleet, "requests-per-target", AlertSeverity.Ticket,
            $"{fleet.Name} serves more than the {fleet.Capacity.RpsPerInstance} rps one instance is declared to serve",
            [
                new("perTarget", new MetricStat(LoadBalancerNamespace, "RequestCountPerTarget", "Sum", 60, dimensions), null, null, false),
                new("rps", null, "perTarget / 60", "requests per second per instance", true),
            ],
            "GreaterThanThreshold", fleet.Capacity.RpsPerInstance, missing: "notBreaching");
        if (IsBurstable(fleet.LaunchTemplate.InstanceType))
        {
            yield return Saturation(stack, fleet, "cpu-credits", AlertSeverity.Ticket,
                $"{fleet.Name} runs out of CPU credits ({fleet.LaunchTemplate.InstanceType} is burstable)",
                [new("credits", new MetricStat("AWS/EC2", "CPUCreditBalance", "Minimum", 60, [new("AutoScalingGroupName", MonitoringPlaceholders.AutoScalingGroup(fleet.Name))]), null, null, true)],
                "LessThanThreshold", MinimumCpuCredits, missing: "notBreaching");
        }
    }

    /// <summary>Burstable instance types (t2, t3, t3a, t4g) spend CPU credits.</summary>
    public static bool IsBurstable(string instanceType) => instanceType.StartsWith('t');

    private static MetricAlarmBlueprint Saturation(string stack, FleetBlueprint fleet, string what, AlertSeverity severity, string description,
        EquatableList<MetricQuery> queries, string comparison, double threshold, string missing) =>
        new($"{stack}-{fleet.Name}-{what}", description, fleet.Service, fleet.Team, fleet.Region, severity, queries, comparison, threshold,
            SaturationMinutes, SaturationMinutes, missing, NotifiesTeam: true, WithSeverity(fleet.Tags, severity));

    /// <summary>The secondary cluster's lag behind the writer, in the secondary region where it is measured, against the declared recovery point.</summary>
    private static MetricAlarmBlueprint ReplicaLagAlarm(string stack, DatabaseBlueprint database)
    {
        var secondary = database.Secondary;
        return new MetricAlarmBlueprint(
            $"{stack}-{database.Name}-replica-lag",
            $"{database.Name}'s replica in {secondary.Region} lags more than its declared recovery point of {Durations.Format(database.MaxReplicationLag)}",
            database.Name,
            database.Team,
            secondary.Region,
            AlertSeverity.Page,
            [new("lag", new MetricStat("AWS/RDS", "AuroraGlobalDBReplicationLag", "Maximum", 60, [new("DBClusterIdentifier", secondary.ClusterIdentifier)]), null, null, true)],
            "GreaterThanThreshold",
            database.MaxReplicationLag.TotalMilliseconds,
            SaturationMinutes,
            SaturationMinutes,
            "breaching",
            NotifiesTeam: true,
            WithSeverity(database.Tags, AlertSeverity.Page));
    }

    private static AlertTopicBlueprint Topic(string team, string region, StackDefinition definition)
    {
        var onCall = definition.Catalog.Teams.Single(t => t.Id == team).OnCall
            ?? throw new ArgumentException($"team '{team}' owns services or databases but declares no onCall endpoint", nameof(definition));
        var name = TopicName(definition.StackName, team);
        return new AlertTopicBlueprint($"{name}-{region}", team, region, name, "https", onCall.ToString(), KeyName(region),
            StandardTags.For($"alerts-{team}", team, DataClassification.Internal, definition));
    }

    private static AlertKeyBlueprint Key(string region, StackDefinition definition) => new(
        KeyName(region),
        region,
        $"Alert topics of {definition.StackName} in {region}",
        AlertKeyPolicy.For(definition.AwsAccountId, region),
        definition.Environment == EnvironmentKind.Production ? 30 : 7,
        StandardTags.For("alerts-key", "platform", DataClassification.Internal, definition));

    private static string KeyName(string region) => $"alerts-key-{region}";

    /// <summary>An SLO alarm's tags: its severity and which SLO it watches, which the paging rule reads.</summary>
    private static EquatableList<ResourceTag> SloTags(EquatableList<ResourceTag> tags, ServiceLevelObjective slo, AlertSeverity severity) =>
        [.. WithSeverity(tags, severity), new ResourceTag("slo", slo.Name)];

    private static EquatableList<ResourceTag> WithSeverity(EquatableList<ResourceTag> tags, AlertSeverity severity) =>
        [.. tags, new ResourceTag("severity", Severity(severity))];
}
