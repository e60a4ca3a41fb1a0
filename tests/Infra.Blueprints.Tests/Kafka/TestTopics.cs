using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Tests.Kafka;

/// <summary>Catalog topics for tests: a valid topic, changed only where a test says.</summary>
internal static class TestTopics
{
    public static KafkaTopicDefinition Topic(
        string name = "payments.transfer.initiated.v1",
        int partitions = 12,
        int replicationFactor = 3,
        int? retentionHours = 168,
        CleanupPolicy cleanup = CleanupPolicy.Delete,
        string[]? producers = null,
        string[]? consumers = null,
        (string Key, string Value)[]? config = null,
        TopicEnvironmentOverride[]? environments = null,
        TopicDeletion delete = TopicDeletion.None,
        string[]? transactionalProducers = null,
        DataClassification classification = DataClassification.Confidential,
        string? erasure = null) =>
        new(name, "payments", partitions, replicationFactor, retentionHours, cleanup, classification,
            (producers ?? ["payments-api"]).ToEquatableList(),
            (transactionalProducers ?? []).ToEquatableList(),
            (consumers ?? ["ledger"]).ToEquatableList(),
            (config ?? []).Select(c => new TopicConfigEntry(c.Key, c.Value)).ToEquatableList(),
            (environments ?? []).ToEquatableList(),
            delete,
            erasure);

    public static Dictionary<string, string> ConfigOf(Infra.Blueprints.Kafka.KafkaTopicBlueprint topic) =>
        topic.Config.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
}
