namespace Infra.Blueprints.Kafka;

/// <summary>What an ACL applies to; the names are the Kafka provider's <c>aclResourceType</c> values, spelling included.</summary>
public enum KafkaAclResourceType
{
    Topic,
    Group,
    TransactionalID,
}
