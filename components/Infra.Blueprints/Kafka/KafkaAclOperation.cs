namespace Infra.Blueprints.Kafka;

/// <summary>The operations we grant; the provider's <c>aclOperation</c> values. Nothing else is ever granted.</summary>
public enum KafkaAclOperation
{
    Read,
    Write,
    Describe,
}
