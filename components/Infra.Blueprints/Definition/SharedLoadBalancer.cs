namespace Infra.Blueprints.Definition;

/// <summary>The region's shared internal application load balancer that fleets attach to.</summary>
public sealed record SharedLoadBalancer(string ListenerArn, string SecurityGroupId);
