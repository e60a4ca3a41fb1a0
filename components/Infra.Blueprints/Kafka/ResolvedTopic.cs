using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Kafka;

/// <summary>A catalog topic's values on one stack, its per-stack override applied.</summary>
public sealed record ResolvedTopic(KafkaTopicDefinition Topic, int Partitions, int ReplicationFactor, int? RetentionHours, TopicDeletion Delete)
{
    public static ResolvedTopic Resolve(KafkaTopicDefinition topic, string stack)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var o = topic.Environments.FirstOrDefault(e => e.Stack == stack);
        return new ResolvedTopic(
            topic,
            o?.Partitions ?? topic.Partitions,
            o?.ReplicationFactor ?? topic.ReplicationFactor,
            o?.RetentionHours ?? topic.RetentionHours,
            o?.Delete ?? topic.Delete);
    }
}
