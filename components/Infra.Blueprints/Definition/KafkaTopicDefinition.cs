namespace Infra.Blueprints.Definition;

/// <summary>
/// A topic of kafka-topics.yaml, before per-stack overrides are applied. <see cref="Delete"/> is
/// the explicit mark that lets the topic be deleted (in two steps, see <see cref="TopicDeletion"/>):
/// the entry stays in the catalog so that a deletion is always a reviewed line, never a missing one.
/// <see cref="TransactionalProducers"/> are producers that write the topic inside Kafka transactions.
/// <see cref="Erasure"/> names the process that erases a key of a compacted topic (it writes the tombstone).
/// </summary>
public sealed record KafkaTopicDefinition(
    string Name,
    string Owner,
    int Partitions,
    int ReplicationFactor,
    int? RetentionHours,
    CleanupPolicy CleanupPolicy,
    DataClassification DataClassification,
    EquatableList<string> Producers,
    EquatableList<string> TransactionalProducers,
    EquatableList<string> Consumers,
    EquatableList<TopicConfigEntry> Config,
    EquatableList<TopicEnvironmentOverride> Environments,
    TopicDeletion Delete,
    string? Erasure = null);
