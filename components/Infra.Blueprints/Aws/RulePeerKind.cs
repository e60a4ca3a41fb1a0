namespace Infra.Blueprints.Aws;

/// <summary>What the other end of a security group rule is.</summary>
public enum RulePeerKind
{
    /// <summary>An existing security group, by id (the shared load balancer's, a platform server's).</summary>
    SecurityGroup,

    /// <summary>Another fleet of the stack, by service name; its group id is known only once that fleet exists.</summary>
    Fleet,

    /// <summary>An IPv4 network.</summary>
    Cidr,

    /// <summary>An existing managed prefix list, by id (<c>pl-</c>).</summary>
    PrefixList,

    /// <summary>A database of the stack, by name: its security group in the primary region, known once the database exists.</summary>
    Database,

    /// <summary>
    /// The region's VPC endpoints that the stack manages: <see cref="RulePeer.InterfaceEndpoints"/> (their
    /// security group) or <see cref="RulePeer.S3Gateway"/> (the S3 prefix list of the gateway endpoint).
    /// </summary>
    Endpoints,
}
