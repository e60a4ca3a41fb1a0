using System.Net;

namespace Infra.Blueprints.Definition;

/// <summary>
/// The existing network of one region: VPC, a subnet per zone and the private route tables, the
/// shared load balancer, the platform servers fleets reach, the egress proxy if there is one, and the
/// region's own Consul datacenter if it has one (else the stack's serves it: <see cref="ConsulDatacenters"/>).
/// </summary>
public sealed record RegionNetwork(
    string Region,
    string VpcId,
    IPNetwork Cidr,
    string KmsKeyAlias,
    EquatableList<ZoneSubnet> Subnets,
    EquatableList<string> RouteTableIds,
    SharedLoadBalancer LoadBalancer,
    PlatformPeers Peers,
    EgressProxy? EgressProxy,
    RegionConsul? Consul = null)
{
    /// <summary>The AWS account of the region's resources: the one of its load balancer listener.</summary>
    public string Account => LoadBalancer.ListenerArn.Split(':')[4];
}
