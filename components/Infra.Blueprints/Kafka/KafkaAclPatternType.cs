namespace Infra.Blueprints.Kafka;

/// <summary>How an ACL's resource name matches; the provider's <c>resourcePatternTypeFilter</c> values.</summary>
public enum KafkaAclPatternType
{
    Literal,
    Prefixed,
}
