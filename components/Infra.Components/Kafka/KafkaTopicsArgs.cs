using Infra.Blueprints.Kafka;

namespace Infra.Components.Kafka;

/// <summary>
/// What <see cref="KafkaTopics"/> maps: the stack's finished Kafka blueprint, and the explicit provider
/// of the stack's cluster; and where the brokers' MSK configuration is read for its check.
/// </summary>
public sealed class KafkaTopicsArgs
{
    public required KafkaTopicsBlueprint Blueprint { get; init; }

    /// <summary>Every topic and ACL is created through this provider; no default provider is ever used.</summary>
    public required Pulumi.Kafka.Provider Provider { get; init; }

    /// <summary>The name of the MSK configuration the brokers run (<c>infra:endpoints.kafkaBrokerConfiguration</c>).</summary>
    public required string BrokerConfiguration { get; init; }

    /// <summary>The AWS provider of the region where that MSK configuration is.</summary>
    public required Pulumi.Aws.Provider Aws { get; init; }
}
