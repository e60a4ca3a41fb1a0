using System.Net;

namespace Infra.Blueprints.Definition;

/// <summary>The private subnet of one availability zone.</summary>
public sealed record ZoneSubnet(string Zone, string SubnetId, IPNetwork Cidr);
