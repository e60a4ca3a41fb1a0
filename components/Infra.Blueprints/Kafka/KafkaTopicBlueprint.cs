using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Kafka;

/// <summary>
/// A topic as the Kafka provider takes it on one stack: overrides applied, configs as Kafka's
/// keys and string values, Kafka's defaults left out. <see cref="Protect"/> is Pulumi's
/// <c>protect</c>: a production topic cannot be deleted or replaced without first unprotecting it.
/// </summary>
public sealed record KafkaTopicBlueprint(
    string Name,
    string Owner,
    int Partitions,
    int ReplicationFactor,
    EquatableList<TopicConfigEntry> Config,
    bool Protect);
