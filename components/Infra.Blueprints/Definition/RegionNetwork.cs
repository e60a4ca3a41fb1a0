using System.Net;

namespace Infra.Blueprints.Definition;

/// <summary>The existing network of one region: VPC, a subnet per zone, the shared load balancer.</summary>
public sealed record RegionNetwork(
    string Region,
    string VpcId,
    IPNetwork Cidr,
    string KmsKeyAlias,
    EquatableList<ZoneSubnet> Subnets,
    SharedLoadBalancer LoadBalancer);
