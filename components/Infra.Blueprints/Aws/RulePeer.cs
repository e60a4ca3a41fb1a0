namespace Infra.Blueprints.Aws;

/// <summary>The other end of a security group rule: a security group id, a fleet's service name, or a CIDR.</summary>
public sealed record RulePeer(RulePeerKind Kind, string Value)
{
    public static RulePeer SecurityGroup(string id) => new(RulePeerKind.SecurityGroup, id);

    public static RulePeer Fleet(string service) => new(RulePeerKind.Fleet, service);

    public static RulePeer Cidr(string cidr) => new(RulePeerKind.Cidr, cidr);

    public override string ToString() => Kind switch
    {
        RulePeerKind.Fleet => "fleet " + Value,
        _ => Value,
    };
}
