using Infra.Blueprints.Aws;
using Infra.Components.Fleets;
using Infra.Components.Tests.Support;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using static Infra.Components.Tests.InputTree;

namespace Infra.Components.Tests.Fleets;

/// <summary>Rules between fleets reference the peer fleet's security group, in both directions.</summary>
public sealed class FleetConnectionsTests
{
    private const string Ingress = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string Egress = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    private static async Task<(RecordingMocks Mocks, AllFleetsProgram Stack)> Deploy()
    {
        var mocks = new RecordingMocks();
        var resources = await Deployment.TestAsync<AllFleetsProgram>(mocks, new TestOptions { IsPreview = false });
        return (mocks, resources.OfType<AllFleetsProgram>().Single());
    }

    [Theory]
    [InlineData("eu-west-3")]
    [InlineData("eu-west-1")]
    public async Task A_call_opens_the_callers_egress_and_the_callees_ingress_between_the_fleets_of_one_region(string region)
    {
        var (mocks, _) = await Deploy();

        var egress = mocks.Resource(Egress, $"payments-api-{region}-out-to-ledger-8443").Inputs;
        Assert.Equal($"payments-api-{region}-sg-id", egress["securityGroupId"]);
        Assert.Equal($"ledger-{region}-sg-id", egress["referencedSecurityGroupId"]);
        var ingress = mocks.Resource(Ingress, $"ledger-{region}-in-from-payments-api-8443").Inputs;
        Assert.Equal($"ledger-{region}-sg-id", ingress["securityGroupId"]);
        Assert.Equal($"payments-api-{region}-sg-id", ingress["referencedSecurityGroupId"]);
        Assert.Equal(8443.0, ingress["fromPort"]);
    }

    [Theory]
    [InlineData("eu-west-3")]
    [InlineData("eu-west-1")]
    public async Task PostgreSql_egress_goes_to_the_databases_security_group_of_the_fleets_region_only(string region)
    {
        var (mocks, _) = await Deploy();

        var egress = mocks.Resource(Egress, $"ledger-{region}-out-postgresql-ledger-db-5432").Inputs;

        Assert.Equal($"ledger-{region}-sg-id", egress["securityGroupId"]);
        Assert.Equal($"sg-ledger-db-{region}", egress["referencedSecurityGroupId"]);
        Assert.Equal(5432.0, egress["fromPort"]);
        Assert.False(egress.ContainsKey("cidrIpv4"));
    }

    [Fact]
    public async Task Every_rule_between_fleets_opens_its_port_to_the_peer_fleets_group_only()
    {
        var (mocks, stack) = await Deploy();

        foreach (var blueprint in stack.Blueprints)
        {
            foreach (var rule in blueprint.SecurityGroup.Rules.Where(r => r.Peer.Kind == RulePeerKind.Fleet))
            {
                var inputs = mocks.Resource(rule.Direction == RuleDirection.Ingress ? Ingress : Egress, $"{blueprint.Name}-{rule.Key}").Inputs;
                Assert.Equal($"{blueprint.Name}-sg-id", inputs["securityGroupId"]);
                Assert.Equal($"{rule.Peer.Value}-{blueprint.Region}-sg-id", inputs["referencedSecurityGroupId"]);
                Assert.False(inputs.ContainsKey("cidrIpv4"));
                Assert.Equal(rule.Protocol, inputs["ipProtocol"]);
                Assert.Equal((double)rule.Port, inputs["fromPort"]);
                Assert.Equal((double)rule.Port, inputs["toPort"]);
            }
        }
    }

    [Fact]
    public async Task The_output_names_every_rule_between_fleets()
    {
        var (mocks, stack) = await Deploy();

        var names = await OutputUtilities.GetValueAsync(stack.Connections.RuleNames);

        Assert.Equal(
            stack.Blueprints.SelectMany(b => b.SecurityGroup.Rules.Where(r => r.Peer.IsStackResource).Select(r => $"{b.Name}-{r.Key}")),
            names);
        Assert.All(names, n => Assert.Single(mocks.Declared, r => r.Name == n));
    }

    [Fact]
    public async Task Rules_are_parented_to_the_connections()
    {
        var (_, stack) = await Deploy();

        Assert.Equal(stack.Blueprints.Sum(b => b.SecurityGroup.Rules.Count(r => r.Peer.IsStackResource)), stack.Children.Count);
        Assert.All(stack.Children, child => Assert.Same(stack.Connections, child.Parent));
    }

    [Fact]
    public async Task Rules_carry_the_tags_of_the_fleet_they_belong_to()
    {
        var (mocks, stack) = await Deploy();

        foreach (var blueprint in stack.Blueprints)
        {
            var expected = blueprint.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            foreach (var rule in blueprint.SecurityGroup.Rules.Where(r => r.Peer.Kind == RulePeerKind.Fleet))
            {
                var inputs = mocks.Resource(rule.Direction == RuleDirection.Ingress ? Ingress : Egress, $"{blueprint.Name}-{rule.Key}").Inputs;
                Assert.Equal(expected, Map(inputs, "tags").ToDictionary(t => t.Key, t => (string)t.Value, StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public async Task Connections_without_an_aws_provider_are_refused()
    {
        var blueprints = StagingFleets.Blueprints();

        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
            _ = new FleetConnections("fleet-connections", new FleetConnectionsArgs { Blueprints = blueprints, Fleets = new Dictionary<string, ServiceFleet>(StringComparer.Ordinal), DatabaseSecurityGroupIds = StagingFleets.DatabaseSecurityGroupIds(), AwsProviders = null! }));

        Assert.Equal("args", error.ParamName);
        Assert.StartsWith("[AwsProviders] is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pulumi.Aws.Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_whose_peer_has_no_fleet_is_refused_naming_the_service()
    {
        var blueprints = StagingFleets.Blueprints();

        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
        {
            var aws = new Pulumi.Aws.Provider("aws-eu-west-3", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" });
            var endpoints = StagingFleets.Endpoints(aws);
            var fleets = blueprints.Where(b => b.Region == "eu-west-3" && b.Service != "ledger").ToDictionary(
                b => b.Name,
                b => new ServiceFleet(b.Name, new ServiceFleetArgs { Blueprint = b, Aws = aws, Endpoints = endpoints }),
                StringComparer.Ordinal);
            var paris = blueprints.Where(b => b.Region == "eu-west-3").ToList();
            var providers = new Dictionary<string, Pulumi.Aws.Provider>(StringComparer.Ordinal) { ["eu-west-3"] = aws };
            _ = new FleetConnections("fleet-connections", new FleetConnectionsArgs { Blueprints = paris, Fleets = fleets, DatabaseSecurityGroupIds = StagingFleets.DatabaseSecurityGroupIds(), AwsProviders = providers });
        });

        Assert.Equal("args", error.ParamName);
        Assert.Contains("[Fleets] has no fleet 'ledger-eu-west-3'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(FleetConnectionsArgs.Blueprints))]
    [InlineData(nameof(FleetConnectionsArgs.Fleets))]
    [InlineData(nameof(FleetConnectionsArgs.DatabaseSecurityGroupIds))]
    public async Task Connections_require_every_argument(string missing)
    {
        var blueprints = StagingFleets.Blueprints();

        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
        {
            var aws = new Pulumi.Aws.Provider("aws-eu-west-3", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" });
            _ = new FleetConnections("fleet-connections", new FleetConnectionsArgs
            {
                Blueprints = missing == nameof(FleetConnectionsArgs.Blueprints) ? null! : blueprints,
                Fleets = missing == nameof(FleetConnectionsArgs.Fleets) ? null! : new Dictionary<string, ServiceFleet>(StringComparer.Ordinal),
                DatabaseSecurityGroupIds = missing == nameof(FleetConnectionsArgs.DatabaseSecurityGroupIds) ? null! : StagingFleets.DatabaseSecurityGroupIds(),
                AwsProviders = new Dictionary<string, Pulumi.Aws.Provider>(StringComparer.Ordinal) { ["eu-west-3"] = aws },
            });
        });

        Assert.Equal("args", error.ParamName);
        Assert.StartsWith($"[{missing}] is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connections_require_their_args()
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentNullException>(() => _ = new FleetConnections("fleet-connections", null!));

        Assert.Equal("args", error.ParamName);
    }
}
