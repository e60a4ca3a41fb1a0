namespace Infra.Blueprints.Aws;

/// <summary>What the other end of a security group rule is.</summary>
public enum RulePeerKind
{
    /// <summary>An existing security group, by id (the shared load balancer's).</summary>
    SecurityGroup,

    /// <summary>Another fleet of the stack, by service name; its group id is known only once that fleet exists.</summary>
    Fleet,

    /// <summary>An IPv4 network.</summary>
    Cidr,
}
