using System.Collections;
using System.Text.RegularExpressions;
using Infra.Blueprints.Drills;
using Infra.Components.Tests.Support;
using Infra.Stacks.Tests.Support;

namespace Infra.Stacks.Tests;

/// <summary>
/// Every identifier the region switch runbook's commands name is one the stack registers, in the region (or Consul
/// datacenter) the command addresses: a runbook run at 3 a.m. finds what it names (issue 16, "Done when").
/// </summary>
[Collection(SharedDeployments.Name)]
public sealed partial class RegionSwitchRunbookOnStackTests(DeployedStacks stacks)
{
    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task Every_database_identifier_of_the_runbook_is_registered_in_the_region_its_command_addresses(string stackName)
    {
        var deployment = await stacks.Of(stackName);
        var plan = RegionSwitchDrill.Plan(deployment.Program.Definition);
        var account = deployment.Program.Definition.AwsAccountId;
        var clusters = Registered(deployment, "aws:rds/cluster:Cluster", "clusterIdentifier");
        var globals = deployment.Resources.Where(r => r.Type == "aws:rds/globalCluster:GlobalCluster").Select(r => (string)r.Inputs["globalClusterIdentifier"]).ToHashSet();
        var parameterGroups = Registered(deployment, "aws:rds/clusterParameterGroup:ClusterParameterGroup", "name");

        var commands = Commands(plan).Where(c => c.Contains("aws rds ", StringComparison.Ordinal)).ToList();

        // Each kind of identifier is read from the commands, so that a changed command shape fails here rather than checking nothing.
        Assert.All(new[] { GlobalClusterFlag(), ClusterFlag(), ClusterArn(), ParameterGroupFlag() }, pattern => Assert.Contains(commands, c => pattern.IsMatch(c)));
        foreach (var command in commands)
        {
            var region = RegionFlag().Match(command).Groups[1].Value;
            foreach (Match global in GlobalClusterFlag().Matches(command))
            {
                Assert.Contains(global.Groups[1].Value, globals);
            }
            foreach (Match cluster in ClusterFlag().Matches(command))
            {
                Assert.Contains((cluster.Groups[1].Value, region), clusters);
            }
            foreach (Match arn in ClusterArn().Matches(command))
            {
                Assert.Equal(account, arn.Groups[2].Value);
                Assert.Contains((arn.Groups[3].Value, arn.Groups[1].Value), clusters);
            }
            foreach (Match group in ParameterGroupFlag().Matches(command))
            {
                Assert.Contains((group.Groups[1].Value, region), parameterGroups);
            }
        }
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task Every_fleet_the_runbook_scales_is_one_autoscaling_group_of_the_region_it_addresses_by_its_tags(string stackName)
    {
        var deployment = await stacks.Of(stackName);
        var plan = RegionSwitchDrill.Plan(deployment.Program.Definition);
        var groups = deployment.Resources.Where(r => r.Type == "aws:autoscaling/group:Group")
            .Select(r => (Region: RecordingMocks.ProviderId(r.Provider), Tags: ((IEnumerable)r.Inputs["tags"]).Cast<IReadOnlyDictionary<string, object>>().ToDictionary(t => (string)t["key"], t => (string)t["value"])))
            .ToList();

        var filters = Commands(plan).Select(c => (Region: RegionFlag().Match(c).Groups[1].Value, Filter: TagFilter().Match(c))).Where(f => f.Filter.Success).ToList();

        // The scale-up's set and wait of each fleet, in the switchover and in the failover, and the switch-back's set.
        Assert.Equal(5 * deployment.Program.Definition.Services.Count, filters.Count);
        foreach (var (region, filter) in filters)
        {
            Assert.Single(groups, g => g.Region == $"aws-{region}-id"
                && g.Tags.GetValueOrDefault("service") == filter.Groups[1].Value
                && g.Tags.GetValueOrDefault("environment") == filter.Groups[2].Value);
        }
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task A_detached_writer_replaces_the_node_and_service_the_stack_registers_in_the_target_regions_datacenter(string stackName)
    {
        var deployment = await stacks.Of(stackName);
        var plan = RegionSwitchDrill.Plan(deployment.Program.Definition);
        var nodes = deployment.Resources.Where(r => r.Type == "consul:index/node:Node").Select(r => ((string)r.Inputs["name"], RecordingMocks.ProviderId(r.Provider))).ToHashSet();
        var services = deployment.Resources.Where(r => r.Type == "consul:index/service:Service").Select(r => ((string)r.Inputs["name"], (string)r.Inputs["node"], RecordingMocks.ProviderId(r.Provider))).ToHashSet();

        var registrations = plan.DisasterFailover.Single(s => s.Id == "detach-and-promote").Commands.Select(c => ConsulRegistration().Match(c)).Where(m => m.Success).ToList();

        Assert.Equal(deployment.Program.Definition.Databases.Count, registrations.Count);
        foreach (var registration in registrations)
        {
            var (datacenter, node, service) = (registration.Groups[1].Value, registration.Groups[2].Value, registration.Groups[3].Value);
            Assert.Contains((node, $"consul-{datacenter}-id"), nodes);
            Assert.Contains((service, node, $"consul-{datacenter}-id"), services);
            Assert.EndsWith($"https://consul.{datacenter}.example-bank.eu/v1/catalog/register", registration.Value, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Commands(RegionSwitchPlan plan) =>
        plan.PlannedSwitchover.Concat(plan.DisasterFailover).Concat(plan.Rollback).SelectMany(s => s.Commands);

    private static HashSet<(string Name, string Region)> Registered(MockedDeployment deployment, string type, string input) =>
        deployment.Resources.Where(r => r.Type == type)
            .Select(r => ((string)r.Inputs[input], RecordingMocks.ProviderId(r.Provider)[4..^3]))
            .ToHashSet();

    [GeneratedRegex(@" --region (\S+)")]
    private static partial Regex RegionFlag();

    [GeneratedRegex(@" --global-cluster-identifier (\S+)")]
    private static partial Regex GlobalClusterFlag();

    [GeneratedRegex(@" --db-cluster-identifier ([a-z][^\s:]*)(?:\s|$)")]
    private static partial Regex ClusterFlag();

    [GeneratedRegex(@"arn:aws:rds:([a-z0-9-]+):(\d{12}):cluster:(\S+)")]
    private static partial Regex ClusterArn();

    [GeneratedRegex(@" --db-cluster-parameter-group-name (\S+)")]
    private static partial Regex ParameterGroupFlag();

    [GeneratedRegex(@"Name=tag:service,Values=(\S+) Name=tag:environment,Values=(\S+)")]
    private static partial Regex TagFilter();

    [GeneratedRegex(@"\\""Datacenter\\"":\\""([^\\]+)\\"",\\""Node\\"":\\""([^\\]+)\\"".*\\""Service\\"":\{\\""Service\\"":\\""([^\\]+)\\"".*")]
    private static partial Regex ConsulRegistration();
}
