namespace Infra.Blueprints.Aws;

/// <summary>The other end of a security group rule: a security group or prefix list id, a fleet, a database, the VPC endpoints, or a CIDR.</summary>
public sealed record RulePeer(RulePeerKind Kind, string Value)
{
    public static RulePeer InterfaceEndpoints { get; } = new(RulePeerKind.Endpoints, "interface");

    public static RulePeer S3Gateway { get; } = new(RulePeerKind.Endpoints, "s3");

    public static RulePeer SecurityGroup(string id) => new(RulePeerKind.SecurityGroup, id);

    public static RulePeer PrefixList(string id) => new(RulePeerKind.PrefixList, id);

    /// <summary>A security group (<c>sg-</c>) or a managed prefix list (<c>pl-</c>), by its id.</summary>
    public static RulePeer GroupOrPrefixList(string id) =>
        id.StartsWith("pl-", StringComparison.Ordinal) ? PrefixList(id) : SecurityGroup(id);

    public static RulePeer Fleet(string service) => new(RulePeerKind.Fleet, service);

    public static RulePeer Database(string name) => new(RulePeerKind.Database, name);

    public static RulePeer Cidr(string cidr) => new(RulePeerKind.Cidr, cidr);

    /// <summary>Whether the peer is another resource of the stack, whose id is known only once it exists.</summary>
    public bool IsStackResource => Kind is RulePeerKind.Fleet or RulePeerKind.Database;

    /// <summary>Whether the peer's id is a prefix list's rather than a security group's.</summary>
    public bool IsPrefixList => Kind == RulePeerKind.PrefixList || this == S3Gateway;

    public override string ToString() => Kind switch
    {
        RulePeerKind.Fleet => "fleet " + Value,
        RulePeerKind.Database => "database " + Value,
        RulePeerKind.Endpoints => Value == "s3" ? "the S3 gateway endpoint" : "the VPC interface endpoints",
        _ => Value,
    };
}
