namespace Infra.Blueprints.Definition;

/// <summary>A topic of kafka-topics.yaml, before per-stack overrides are applied.</summary>
public sealed record KafkaTopicDefinition(
    string Name,
    string Owner,
    int Partitions,
    int ReplicationFactor,
    int? RetentionHours,
    CleanupPolicy CleanupPolicy,
    DataClassification DataClassification,
    EquatableList<string> Producers,
    EquatableList<string> Consumers,
    EquatableList<TopicConfigEntry> Config,
    EquatableList<TopicEnvironmentOverride> Environments);
