using Infra.Components.Tests.Support;
using Infra.Stacks.Tests.Support;

namespace Infra.Stacks.Tests;

/// <summary>
/// The stack looks its Client VPN endpoint up in each region (made outside the stack, tagged <c>vpn-&lt;stack&gt;</c>) and puts
/// the same authorization rules on each, through that region's provider: when Paris is lost, on-call people connect to
/// Ireland's endpoint and reach what they reached before (issue 16, finding 12).
/// </summary>
[Collection(SharedDeployments.Name)]
public sealed class ClientVpnOnStackTests(DeployedStacks stacks)
{
    private const string Rule = "aws:ec2clientvpn/authorizationRule:AuthorizationRule";

    private static readonly string[] Regions = ["eu-west-3", "eu-west-1"];

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task The_endpoint_tagged_vpn_stack_is_looked_up_in_each_region_through_its_provider(string stackName)
    {
        var deployment = await stacks.Of(stackName);

        var lookups = deployment.Calls.Where(c => c.Token == MockedDeployment.GetClientVpnEndpoint).ToList();

        Assert.Equal(["aws-eu-west-1-id", "aws-eu-west-3-id"], lookups.Select(c => RecordingMocks.ProviderId(c.Provider)).Order(StringComparer.Ordinal));
        Assert.All(lookups, c => Assert.Equal($"vpn-{stackName}", ((IReadOnlyDictionary<string, object>)c.Args["tags"])["Name"]));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task Each_regions_endpoint_carries_the_same_rules_on_its_own_endpoint_and_provider(string stackName)
    {
        var rules = (await stacks.Of(stackName)).Resources.Where(r => r.Type == Rule).ToList();

        var byRegion = Regions.ToDictionary(region => region, region =>
        {
            var provider = $"aws-{region}-id";
            var inRegion = rules.Where(r => RecordingMocks.ProviderId(r.Provider) == provider).ToList();
            Assert.All(inRegion, r => Assert.Equal(MockedDeployment.ClientVpnEndpointFoundThrough(r.Provider), r.Inputs["clientVpnEndpointId"]));
            Assert.All(inRegion, r => Assert.StartsWith($"people-vpn-rule-{region}-", r.Name, StringComparison.Ordinal));
            return inRegion.Select(r => ((string)r.Inputs["accessGroupId"], (string)r.Inputs["targetNetworkCidr"], (string)r.Inputs["description"]))
                .Order().ToList();
        });

        Assert.NotEmpty(byRegion["eu-west-1"]);
        Assert.Equal(byRegion["eu-west-3"], byRegion["eu-west-1"]);
        Assert.Equal(rules.Count, byRegion.Values.Sum(r => r.Count));
    }

    [Fact]
    public async Task In_production_the_on_call_rotas_reach_the_ireland_range_through_the_ireland_endpoint()
    {
        var rules = (await stacks.Of("production")).Resources.Where(r => r.Type == Rule && RecordingMocks.ProviderId(r.Provider) == "aws-eu-west-1-id"
            && (string)r.Inputs["targetNetworkCidr"] == "10.61.0.0/16").Select(r => (string)r.Inputs["accessGroupId"]).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["team-platform", "person-cmartin", "person-slefebvre", "person-aobrien", "person-omccarthy", "person-bfaure", "person-pleroy"], StringComparer.Ordinal), rules);
    }
}
