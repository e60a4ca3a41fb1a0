using Infra.Blueprints.Kafka;

namespace Infra.Components.Kafka;

/// <summary>What <see cref="KafkaTopics"/> maps: the stack's finished Kafka blueprint, and the explicit provider of the stack's cluster.</summary>
public sealed class KafkaTopicsArgs
{
    public required KafkaTopicsBlueprint Blueprint { get; init; }

    /// <summary>Every topic and ACL is created through this provider; no default provider is ever used.</summary>
    public required Pulumi.Kafka.Provider Provider { get; init; }
}
