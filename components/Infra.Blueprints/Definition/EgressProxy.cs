namespace Infra.Blueprints.Definition;

/// <summary>
/// The region's forward proxy to the internet: the only way out of the VPC for a service's declared
/// external destinations (it enforces their allow-list). Fleets reach it by its security group.
/// </summary>
public sealed record EgressProxy(Uri Url, string SecurityGroupId)
{
    public int Port => Url.Port;
}
