namespace Infra.Blueprints.Kafka;

/// <summary>What an ACL applies to; the names are the Kafka provider's <c>aclResourceType</c> values.</summary>
public enum KafkaAclResourceType
{
    Topic,
    Group,
}
