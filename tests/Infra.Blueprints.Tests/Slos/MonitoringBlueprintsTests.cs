using System.Text.Json;
using Infra.Blueprints.Databases;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Monitoring;
using Infra.Blueprints.Slos;
using Infra.Blueprints.Tests.Fleets;

namespace Infra.Blueprints.Tests.Slos;

/// <summary>The CloudWatch side of the SLO blueprint: window alarms, composites, saturation, topics, dashboards.</summary>
public sealed class MonitoringBlueprintsTests
{
    private static StackMonitoringBlueprint For(string stack)
    {
        var definition = RepositoryDefinitions.Load(stack);
        return MonitoringBlueprints.For(definition, FleetBlueprints.For(definition), DatabaseBlueprints.For(definition));
    }

    [Fact]
    public void Every_slo_window_alarm_uses_the_threshold_of_its_alert()
    {
        var monitoring = For("staging");

        foreach (var slo in monitoring.Slos.SelectMany(s => s.All))
        {
            foreach (var alert in slo.Alerts)
            {
                foreach (var (window, region) in new[] { alert.LongWindow, alert.ShortWindow }.SelectMany(w => new[] { (w, "eu-west-3"), (w, "eu-west-1") }))
                {
                    // Each region's fleet has its own alarms: the standby's watch what reaches it.
                    var alarm = Assert.Single(monitoring.Alarms, a => a.Name == MonitoringBlueprints.WindowAlarmName("staging", $"{slo.Service}-{region}", slo, alert.Severity, window));
                    Assert.Equal(region, alarm.Region);
                    Assert.Equal((double)alert.ErrorRateThreshold, alarm.Threshold);
                    Assert.All(alarm.Queries.Where(q => q.Metric is not null), q => Assert.Equal((int)window.TotalSeconds, q.Metric!.PeriodSeconds));
                    Assert.False(alarm.NotifiesTeam);
                }
            }
        }
    }

    [Fact]
    public void The_availability_alarm_divides_target_5xx_by_requests_of_the_services_target_group()
    {
        var alarm = For("staging").Alarms.Single(a => a.Name == "staging-ledger-eu-west-3-availability-page-1h");

        Assert.Equal(["HTTPCode_Target_5XX_Count", "RequestCount"], alarm.Queries.Where(q => q.Metric is not null).Select(q => q.Metric!.MetricName));
        Assert.Equal("FILL(errors, 0) / requests", Assert.Single(alarm.Queries, q => q.ReturnData).Expression);
        Assert.Equal(0.0072, alarm.Threshold);
        Assert.Contains(new MetricDimension("TargetGroup", MonitoringPlaceholders.TargetGroup("ledger-eu-west-3")), alarm.Queries[0].Metric!.Dimensions);
        Assert.Contains(new MetricDimension("LoadBalancer", "app/internal-staging/687ed44318b6d29d"), alarm.Queries[0].Metric!.Dimensions);
        var standby = For("staging").Alarms.Single(a => a.Name == "staging-ledger-eu-west-1-availability-page-1h");
        Assert.Contains(new MetricDimension("TargetGroup", MonitoringPlaceholders.TargetGroup("ledger-eu-west-1")), standby.Queries[0].Metric!.Dimensions);
        Assert.Contains(new MetricDimension("LoadBalancer", "app/internal-staging/81a57301cd4c4040"), standby.Queries[0].Metric!.Dimensions);
        Assert.Equal("eu-west-1", standby.Region);
    }

    [Fact]
    public void The_latency_alarm_counts_responses_slower_than_the_threshold()
    {
        var alarm = For("staging").Alarms.Single(a => a.Name == "staging-card-authorizer-eu-west-3-latency-page-5m");

        var fast = Assert.Single(alarm.Queries, q => q.Metric is not null).Metric!;
        Assert.Equal(("TargetResponseTime", "PR(:0.25)", 300), (fast.MetricName, fast.Stat, fast.PeriodSeconds));
        Assert.Equal("(100 - fast) / 100", Assert.Single(alarm.Queries, q => q.ReturnData).Expression);
        Assert.Equal(14.4 * 0.005, alarm.Threshold, 10);
    }

    [Fact]
    public void Composites_page_on_either_pair_of_windows_and_ticket_on_the_slow_pair()
    {
        var composites = For("staging").CompositeAlarms.Where(c => c.Service == "ledger" && c.Region == "eu-west-3" && c.Name.Contains("availability", StringComparison.Ordinal)).ToList();

        var page = Assert.Single(composites, c => c.Severity == AlertSeverity.Page);
        Assert.Equal("(ALARM(\"staging-ledger-eu-west-3-availability-page-1h\") AND ALARM(\"staging-ledger-eu-west-3-availability-page-5m\")) OR "
            + "(ALARM(\"staging-ledger-eu-west-3-availability-page-6h\") AND ALARM(\"staging-ledger-eu-west-3-availability-page-30m\"))", page.Rule);
        var ticket = Assert.Single(composites, c => c.Severity == AlertSeverity.Ticket);
        Assert.Equal("(ALARM(\"staging-ledger-eu-west-3-availability-ticket-3d\") AND ALARM(\"staging-ledger-eu-west-3-availability-ticket-6h\"))", ticket.Rule);
        Assert.All(composites, c => Assert.Equal("core-banking", c.Team));
    }

    [Fact]
    public void Saturation_alarms_take_their_thresholds_from_the_fleet_blueprint()
    {
        var definition = RepositoryDefinitions.Load("production");
        var fleet = FleetBlueprints.For(definition).Single(f => f.Name == "payments-api-eu-west-3");
        var alarms = For("production").Alarms;

        var healthy = alarms.Single(a => a.Name == "production-payments-api-eu-west-3-healthy-hosts");
        Assert.Equal(fleet.Capacity.Min, healthy.Threshold);
        Assert.Equal("LessThanThreshold", healthy.ComparisonOperator);
        Assert.Equal(AlertSeverity.Page, healthy.Severity);
        var perTarget = alarms.Single(a => a.Name == "production-payments-api-eu-west-3-requests-per-target");
        Assert.Equal(fleet.Capacity.RpsPerInstance, perTarget.Threshold);
        Assert.True(healthy.NotifiesTeam && perTarget.NotifiesTeam);
        // The standby pages too when it has fewer than its own minimum: it is the capacity a switch starts from.
        var standby = alarms.Single(a => a.Name == "production-payments-api-eu-west-1-healthy-hosts");
        Assert.Equal((2.0, "eu-west-1", AlertSeverity.Page), (standby.Threshold, standby.Region, standby.Severity));
        Assert.DoesNotContain(alarms, a => a.Name.EndsWith("-cpu-credits", StringComparison.Ordinal));
    }

    [Fact]
    public void A_burstable_fleet_also_alarms_on_cpu_credits()
    {
        var definition = RepositoryDefinitions.Load("staging");
        var fleets = FleetBlueprints.For(definition)
            .Select(f => f.Name == "back-office-eu-west-3" ? f with { LaunchTemplate = f.LaunchTemplate with { InstanceType = "t3.large" } } : f)
            .ToList();

        var alarms = MonitoringBlueprints.For(definition, fleets, DatabaseBlueprints.For(definition)).Alarms;

        var credits = Assert.Single(alarms, a => a.Name.EndsWith("-cpu-credits", StringComparison.Ordinal));
        Assert.Equal("staging-back-office-eu-west-3-cpu-credits", credits.Name);
        Assert.Equal(MonitoringPlaceholders.AutoScalingGroup("back-office-eu-west-3"), credits.Queries[0].Metric!.Dimensions[0].Value);
    }

    [Fact]
    public void Replica_lag_alarms_in_the_secondary_region_at_the_declared_recovery_point()
    {
        var monitoring = For("production");
        var database = DatabaseBlueprints.For(RepositoryDefinitions.Load("production")).Single(d => d.Name == "ledger-db");

        var lag = monitoring.Alarms.Single(a => a.Name == "production-ledger-db-replica-lag");

        Assert.Equal(database.Secondary.Region, lag.Region);
        Assert.Equal(database.MaxReplicationLag.TotalMilliseconds, lag.Threshold);
        Assert.Equal(database.Secondary.ClusterIdentifier, lag.Queries[0].Metric!.Dimensions.Single().Value);
        Assert.Contains(monitoring.Topics, t => t.Team == "core-banking" && t.Region == database.Secondary.Region);
    }

    [Fact]
    public void Every_topic_is_encrypted_by_its_regions_alert_key_which_only_the_accounts_alarms_and_sns_use()
    {
        var monitoring = For("production");

        Assert.Equal(["alerts-key-eu-west-1", "alerts-key-eu-west-3"], monitoring.Keys.Select(k => k.Name));
        Assert.All(monitoring.Topics, t => Assert.Equal($"alerts-key-{t.Region}", t.KeyName));
        var key = monitoring.Keys.Single(k => k.Region == "eu-west-3");
        Assert.Equal(30, key.DeletionWindowDays);
        using var policy = JsonDocument.Parse(key.Policy);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(s => s.GetProperty("Sid").GetString()!, s => s);
        Assert.Equal(["AccountAdministers", "UseThroughSns", "AlarmsPublish"], statements.Keys);
        var alarms = statements["AlarmsPublish"];
        Assert.Equal("cloudwatch.amazonaws.com", alarms.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey*"], alarms.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("444455556666", alarms.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
        Assert.Equal("arn:aws:cloudwatch:eu-west-3:444455556666:alarm:*", alarms.GetProperty("Condition").GetProperty("ArnLike").GetProperty("aws:SourceArn").GetString());
        Assert.Equal("sns.eu-west-3.amazonaws.com", statements["UseThroughSns"].GetProperty("Condition").GetProperty("StringEquals").GetProperty("kms:ViaService").GetString());
    }

    [Fact]
    public void Every_alarm_has_an_owner_team_with_a_topic_in_its_region()
    {
        var monitoring = For("production");

        Assert.All(monitoring.Alarms, a =>
        {
            Assert.Contains(new Aws.ResourceTag("team", a.Team), a.Tags);
            Assert.Contains(monitoring.Topics, t => t.Team == a.Team && t.Region == a.Region);
        });
        Assert.All(monitoring.Topics, t => Assert.StartsWith("https://oncall.example-bank.eu/hooks/", t.Endpoint, StringComparison.Ordinal));
    }

    [Fact]
    public void One_dashboard_per_fleet_in_each_region_and_one_overview()
    {
        var monitoring = For("staging");

        Assert.Equal(
            monitoring.Slos.SelectMany(s => new[] { $"staging-{s.Service}-eu-west-3", $"staging-{s.Service}-eu-west-1" }).Append("staging-overview").Order(),
            monitoring.Dashboards.Select(d => d.Name).Order());
        Assert.Equal(2, monitoring.Dashboards.Count(d => d.Service == "ledger"));
        var ledger = monitoring.Dashboards.Single(d => d.Name == "staging-ledger-eu-west-3").BodyTemplate;
        using var body = System.Text.Json.JsonDocument.Parse(ledger);
        var titles = body.RootElement.GetProperty("widgets").EnumerateArray().Select(w => w.GetProperty("properties").GetProperty("title").GetString()).ToList();
        Assert.Contains("Rate: requests per minute", titles);
        Assert.Contains("Errors: target 5xx per minute", titles);
        Assert.Contains("Duration: response time (s)", titles);
        Assert.Contains(titles, t => t!.StartsWith("ledger-eu-west-3 availability", StringComparison.Ordinal));
        Assert.Contains(titles, t => t!.StartsWith("Replication lag (ms): ledger-db", StringComparison.Ordinal));
        Assert.Contains(titles, t => t!.StartsWith("Connections: ledger-db", StringComparison.Ordinal));
        Assert.Contains("0.0005", ledger, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_resolve_to_the_deployed_values_and_an_unknown_one_fails()
    {
        var values = new Dictionary<string, string> { [MonitoringPlaceholders.TargetGroup("ledger")] = "targetgroup/ledger-tg/0123" };

        Assert.Equal("x targetgroup/ledger-tg/0123 y", MonitoringPlaceholders.Resolve($"x {MonitoringPlaceholders.TargetGroup("ledger")} y", values));
        Assert.Throws<ArgumentException>(() => MonitoringPlaceholders.Resolve(MonitoringPlaceholders.TargetGroup("payments-api"), values));
        Assert.Equal("targetgroup/ledger-tg/0123", MonitoringPlaceholders.ArnSuffix("arn:aws:elasticloadbalancing:eu-west-3:111122223333:targetgroup/ledger-tg/0123"));
    }
}
