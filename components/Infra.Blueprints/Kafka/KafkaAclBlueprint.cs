namespace Infra.Blueprints.Kafka;

/// <summary>
/// One ALLOW ACL for one principal, from any host. <see cref="ResourceName"/> is the Pulumi
/// child's name: unique in the stack and stable for as long as the grant exists.
/// </summary>
public sealed record KafkaAclBlueprint(
    string ResourceName,
    KafkaAclResourceType ResourceType,
    string Resource,
    KafkaAclPatternType PatternType,
    string Principal,
    KafkaAclOperation Operation)
{
    /// <summary>The provider's <c>aclHost</c>: any host; the principal is what is authenticated.</summary>
    public const string AnyHost = "*";

    /// <summary>The provider's <c>aclPermissionType</c>: we only ever allow.</summary>
    public const string Allow = "Allow";
}
