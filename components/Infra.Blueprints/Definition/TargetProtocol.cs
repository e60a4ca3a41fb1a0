namespace Infra.Blueprints.Definition;

/// <summary>What the load balancer speaks to a service's instances: TLS unless the service says otherwise, and only data below confidential may say so.</summary>
public enum TargetProtocol
{
    Https,
    Http,
}
