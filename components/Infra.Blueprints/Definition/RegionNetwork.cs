using System.Net;

namespace Infra.Blueprints.Definition;

/// <summary>The existing network of one region: VPC, a subnet per zone, the shared load balancer.</summary>
public sealed record RegionNetwork(
    string Region,
    string VpcId,
    IPNetwork Cidr,
    string KmsKeyAlias,
    EquatableList<ZoneSubnet> Subnets,
    SharedLoadBalancer LoadBalancer)
{
    /// <summary>The AWS account of the region's resources: the one of its load balancer listener.</summary>
    public string Account => LoadBalancer.ListenerArn.Split(':')[4];
}
