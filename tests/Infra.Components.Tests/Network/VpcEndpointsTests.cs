using Infra.Components.Network;
using Infra.Components.Tests.Support;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using static Infra.Components.Tests.InputTree;

namespace Infra.Components.Tests.Network;

/// <summary>The region's VPC endpoints map their blueprint one for one.</summary>
public sealed class VpcEndpointsTests
{
    private const string Endpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";

    private static async Task<(RecordingMocks Mocks, EndpointsProgram Stack)> Deploy()
    {
        var mocks = new RecordingMocks();
        var resources = await Deployment.TestAsync<EndpointsProgram>(mocks, new TestOptions { IsPreview = false });
        return (mocks, resources.OfType<EndpointsProgram>().Single());
    }

    [Fact]
    public async Task One_interface_endpoint_per_service_with_private_dns_behind_the_endpoints_group()
    {
        var (mocks, stack) = await Deploy();

        var interfaces = mocks.OfType(Endpoint).Where(e => Equals(e.Inputs["vpcEndpointType"], "Interface")).ToList();

        Assert.Equal(stack.Blueprint.InterfaceServices.Order(StringComparer.Ordinal), interfaces.Select(e => (string)e.Inputs["serviceName"]).Order(StringComparer.Ordinal));
        Assert.All(interfaces, e =>
        {
            Assert.True(e.Inputs["privateDnsEnabled"] is true);
            Assert.Equal(["endpoints-eu-west-3-sg-id"], List(e.Inputs["securityGroupIds"]).Cast<string>());
            Assert.Equal(stack.Blueprint.SubnetIds, List(e.Inputs["subnetIds"]).Cast<string>());
        });
    }

    [Fact]
    public async Task S3_gateway_goes_on_the_route_tables_and_its_prefix_list_is_an_output()
    {
        var (mocks, stack) = await Deploy();

        var s3 = mocks.Resource(Endpoint, "endpoints-eu-west-3-s3").Inputs;

        Assert.Equal("Gateway", s3["vpcEndpointType"]);
        Assert.Equal(stack.Blueprint.RouteTableIds, List(s3["routeTableIds"]).Cast<string>());
        Assert.Equal(RecordingMocks.PrefixListOf("endpoints-eu-west-3-s3"), await OutputUtilities.GetValueAsync(stack.Endpoints.S3PrefixListId));
        Assert.Equal("endpoints-eu-west-3-sg-id", await OutputUtilities.GetValueAsync(stack.Endpoints.SecurityGroupId));
    }

    [Fact]
    public async Task The_group_accepts_https_from_the_vpc_only()
    {
        var (mocks, _) = await Deploy();

        var rule = Assert.Single(mocks.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")).Inputs;

        Assert.Equal(443.0, rule["fromPort"]);
        Assert.Equal("10.40.0.0/16", rule["cidrIpv4"]);
        Assert.Empty(mocks.OfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"));
    }

    [Fact]
    public async Task Endpoints_without_a_provider_are_refused()
    {
        var blueprint = EndpointsProgram.Paris();

        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
            _ = new VpcEndpoints(blueprint.Name, new VpcEndpointsArgs { Blueprint = blueprint, Aws = null! }));

        Assert.StartsWith("[Aws] is required", error.Message, StringComparison.Ordinal);
    }
}
