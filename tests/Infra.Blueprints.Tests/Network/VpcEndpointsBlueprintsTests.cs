using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Network;
using Infra.Blueprints.Tests.Fleets;

namespace Infra.Blueprints.Tests.Network;

/// <summary>Every region gets the VPC endpoints fleets need to reach AWS without the internet.</summary>
public sealed class VpcEndpointsBlueprintsTests
{
    private static readonly StackDefinition Staging = RepositoryDefinitions.Load("staging");

    [Fact]
    public void Every_region_gets_its_endpoints()
    {
        var endpoints = VpcEndpointsBlueprints.For(Staging);

        Assert.Equal(["eu-west-1", "eu-west-3"], endpoints.Select(e => e.Region).Order(StringComparer.Ordinal));
        Assert.Equal(["endpoints-eu-west-1", "endpoints-eu-west-3"], endpoints.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Interface_endpoints_cover_what_an_instance_calls()
    {
        var paris = VpcEndpointsBlueprints.For(Staging).Single(e => e.Region == "eu-west-3");

        Assert.Equal(
            ["sts", "ssm", "ssmmessages", "ec2messages", "kms", "logs", "monitoring", "ec2", "autoscaling"],
            paris.InterfaceServices.Select(s => s["com.amazonaws.eu-west-3.".Length..]));
        Assert.Equal("com.amazonaws.eu-west-3.s3", paris.S3Service);
        Assert.True(paris.PrivateDnsEnabled);
    }

    [Fact]
    public void Endpoints_sit_in_every_zone_and_s3_on_the_private_route_tables()
    {
        var network = Staging.Networks.Single(n => n.Region == "eu-west-3");
        var paris = VpcEndpointsBlueprints.For(Staging).Single(e => e.Region == "eu-west-3");

        Assert.Equal(network.Subnets.Select(s => s.SubnetId), paris.SubnetIds);
        Assert.Equal(network.RouteTableIds, paris.RouteTableIds);
        Assert.Equal(network.VpcId, paris.VpcId);
    }

    [Fact]
    public void Endpoints_accept_only_https_from_the_vpc()
    {
        var paris = VpcEndpointsBlueprints.For(Staging).Single(e => e.Region == "eu-west-3");

        var rule = Assert.Single(paris.SecurityGroup.Rules);
        Assert.Equal((RuleDirection.Ingress, "tcp", 443, RulePeer.Cidr("10.40.0.0/16")), (rule.Direction, rule.Protocol, rule.Port, rule.Peer));
        Assert.Equal("platform", paris.Tags.Single(t => t.Key == "team").Value);
    }
}
