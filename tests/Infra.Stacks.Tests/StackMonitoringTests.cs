using System.Collections.Immutable;
using System.Text.Json;
using Infra.Blueprints.Loading;
using Infra.Cli.Tests;
using Infra.Policies.Rules.Monitoring;
using Infra.Components.Tests.Support;
using Infra.Stacks.Tests.Support;
using Pulumi.Utilities;

namespace Infra.Stacks.Tests;

/// <summary>The alarms and dashboards the program registers for the repository's services, on Pulumi's mocks.</summary>
[Collection(SharedDeployments.Name)]
public sealed class StackMonitoringTests(DeployedStacks stacks)
{
    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task Every_service_pages_its_team_topic_through_its_slo_composites(string stackName)
    {
        var deployment = await stacks.Of(stackName);
        var topics = deployment.Resources.Where(r => r.Type == "aws:sns/topic:Topic").ToList();

        // Each region's fleet pages its team's topic of that region: the standby's too, for what reaches it.
        foreach (var (service, region) in deployment.Program.Definition.Services.SelectMany(s => new[] { (s, "eu-west-3"), (s, "eu-west-1") }))
        {
            var topic = $":{stackName}-alerts-{service.Team}-{region}";
            var fleet = $"{service.Name}-{region}";
            foreach (var slo in new[] { "availability", "latency" })
            {
                var page = Resource(deployment, "aws:cloudwatch/compositeAlarm:CompositeAlarm", $"{stackName}-{fleet}-{slo}-page");
                Assert.EndsWith(topic, Assert.Single(Strings(page.Inputs["alarmActions"])), StringComparison.Ordinal);
                Assert.Contains($"ALARM(\"{stackName}-{fleet}-{slo}-page-1h\")", (string)page.Inputs["alarmRule"], StringComparison.Ordinal);
                Assert.Contains(page.Dependencies, d => d.EndsWith($"::{stackName}-{fleet}-{slo}-page-1h", StringComparison.Ordinal));
                Assert.Equal(service.Team, Tags(page)["team"]);
            }
            var window = Resource(deployment, "aws:cloudwatch/metricAlarm:MetricAlarm", $"{stackName}-{fleet}-availability-page-5m");
            Assert.False(window.Inputs.ContainsKey("alarmActions"), "a window alarm notifies nobody; its composite does");
        }
        Assert.All(topics, t => Assert.Contains(deployment.Resources, s => s.Type == "aws:sns/topicSubscription:TopicSubscription" && s.Name == $"{t.Name}-oncall"));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task Every_alert_topic_is_encrypted_by_the_alert_key_of_its_region(string stackName)
    {
        var deployment = await stacks.Of(stackName);
        var topics = deployment.Resources.Where(r => r.Type == "aws:sns/topic:Topic").ToList();

        Assert.NotEmpty(topics);
        Assert.All(topics, topic =>
        {
            var region = topic.Name[^"eu-west-3".Length..];
            var key = Resource(deployment, "aws:kms/key:Key", $"alerts-key-{region}");
            Assert.Equal(RecordingMocks.ArnOf(key.Name), topic.Inputs["kmsMasterKeyId"]);
            Assert.Equal(topic.Provider, key.Provider);
        });
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task Alarm_dimensions_name_the_deployed_target_group_of_their_region(string stackName)
    {
        var deployment = await stacks.Of(stackName);

        foreach (var region in new[] { "eu-west-3", "eu-west-1" })
        {
            var alarm = Resource(deployment, "aws:cloudwatch/metricAlarm:MetricAlarm", $"{stackName}-ledger-{region}-healthy-hosts");

            var query = (ImmutableArray<object>)alarm.Inputs["metricQueries"];
            var metric = (ImmutableDictionary<string, object>)((ImmutableDictionary<string, object>)query[0])["metric"];
            var dimensions = (ImmutableDictionary<string, object>)metric["dimensions"];
            Assert.Equal($"ledger-{region}-tg", dimensions["TargetGroup"]);
        }
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task Each_fleet_has_a_dashboard_and_the_stack_an_overview(string stackName)
    {
        var deployment = await stacks.Of(stackName);

        var dashboards = deployment.Resources.Where(r => r.Type == "aws:cloudwatch/dashboard:Dashboard").ToList();

        Assert.Equal(
            deployment.Program.Definition.Services.SelectMany(s => new[] { $"{stackName}-{s.Name}-eu-west-3", $"{stackName}-{s.Name}-eu-west-1" }).Append($"{stackName}-overview").Order(),
            dashboards.Select(d => d.Name).Order());
        foreach (var dashboard in dashboards)
        {
            var body = (string)dashboard.Inputs["dashboardBody"];
            Assert.DoesNotContain("{{", body, StringComparison.Ordinal);
            using var parsed = JsonDocument.Parse(body);
            Assert.True(parsed.RootElement.GetProperty("widgets").GetArrayLength() > 3);
        }
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task The_monitoring_rules_hold_for_the_repository_stacks(string stackName)
    {
        var deployment = await stacks.Of(stackName);

        var violations = await MonitoringViolations(deployment, stackName);

        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_paging_rule_catches_a_production_stack_without_its_composite_alarms()
    {
        var deployment = await stacks.Of("production");
        var withoutComposites = deployment with
        {
            Resources = [.. deployment.Resources.Where(r => r.Type != "aws:cloudwatch/compositeAlarm:CompositeAlarm")],
        };

        var violations = await MonitoringViolations(withoutComposites, "production");

        // One per target group: every service has one in each region.
        Assert.Equal(2 * deployment.Program.Definition.Services.Count, violations.Count(v => v.StartsWith(ProductionServicePagingRule.Code, StringComparison.Ordinal)));
    }

    /// <summary>The violations of the monitoring rules in `infra compliance` over the deployment written as a stack export.</summary>
    private static async Task<List<string>> MonitoringViolations(MockedDeployment deployment, string stackName)
    {
        var export = Path.Combine(Path.GetTempPath(), $"infra-monitoring-{stackName}-{Guid.NewGuid():N}.json");
        try
        {
            await using (var file = File.Create(export))
            {
                StackExportWriter.Write(deployment, await OutputUtilities.GetValueAsync(deployment.Program.Urn), file);
            }
            var run = CliRun.Infra(RepositoryRoot.Find(AppContext.BaseDirectory), RecordedPlatformEnvironment.Now, null,
                "compliance", "--stack", stackName, "--state", export, "--output", "json");
            using var report = JsonDocument.Parse(run.Output);
            return [.. report.RootElement.GetProperty("violations").EnumerateArray()
                .Select(v => $"{v.GetProperty("ruleId").GetString()} {v.GetProperty("message").GetString()}")
                .Where(v => v.StartsWith(AlarmOwnerTeamRule.Code, StringComparison.Ordinal) || v.StartsWith(ProductionServicePagingRule.Code, StringComparison.Ordinal))];
        }
        finally
        {
            File.Delete(export);
        }
    }

    private static DeployedResource Resource(MockedDeployment deployment, string type, string name) =>
        Assert.Single(deployment.Resources, r => r.Type == type && r.Name == name);

    private static List<string> Strings(object value) => [.. ((ImmutableArray<object>)value).Cast<string>()];

    private static ImmutableDictionary<string, object> Tags(DeployedResource resource) => (ImmutableDictionary<string, object>)resource.Inputs["tags"];
}
