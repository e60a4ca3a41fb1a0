using System.Globalization;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Kafka;

/// <summary>Computes a stack's Kafka blueprint from its definition: a pure function.</summary>
public static class KafkaTopicCatalog
{
    public static KafkaTopicsBlueprint For(StackDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return For(definition.StackName, definition.Environment, definition.Catalog.Topics);
    }

    public static KafkaTopicsBlueprint For(string stack, EnvironmentKind environment, IEnumerable<KafkaTopicDefinition> topics)
    {
        var onStack = topics.Select(t => ResolvedTopic.Resolve(t, stack)).ToList();
        var live = onStack.Where(t => t.Delete != TopicDeletion.Delete).ToList();
        return new KafkaTopicsBlueprint(
            stack,
            environment,
            live.Select(t => Topic(t, environment)).OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableList(),
            environment == EnvironmentKind.Production ? KafkaTopicConfigs.PinnedInProduction : [],
            KafkaAcls.Derive(live.Select(t => t.Topic)),
            onStack.Where(t => t.Delete == TopicDeletion.Delete).Select(t => t.Topic.Name).Order(StringComparer.Ordinal).ToEquatableList(),
            onStack.Where(t => t.Delete == TopicDeletion.Unprotect).Select(t => t.Topic.Name).Order(StringComparer.Ordinal).ToEquatableList());
    }

    public static KafkaTopicBlueprint Topic(ResolvedTopic topic, EnvironmentKind environment)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return new KafkaTopicBlueprint(
            topic.Topic.Name,
            topic.Topic.Owner,
            topic.Partitions,
            topic.ReplicationFactor,
            Config(topic, environment),
            Protect: environment == EnvironmentKind.Production && topic.Delete != TopicDeletion.Unprotect);
    }

    /// <summary>
    /// The configs as Kafka takes them, without those equal to Kafka's default except, in
    /// production, the <see cref="KafkaTopicConfigs.PinnedInProduction"/> keys. A compacted topic
    /// keeps every key's latest value for ever; it gets a time retention (and then deletes too) only
    /// when <c>retentionHours</c> is stated.
    /// </summary>
    public static EquatableList<TopicConfigEntry> Config(ResolvedTopic topic, EnvironmentKind environment)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var config = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [KafkaTopicConfigs.CleanupPolicy] = (topic.Topic.CleanupPolicy, topic.RetentionHours) switch
            {
                (CleanupPolicy.Compact, null) => "compact",
                (CleanupPolicy.Compact, _) => "compact,delete",
                _ => "delete",
            },
        };
        if (topic.RetentionHours is { } hours)
        {
            config[KafkaTopicConfigs.RetentionMs] = (hours * KafkaTopicRules.MillisecondsPerHour).ToString(CultureInfo.InvariantCulture);
        }
        var production = environment == EnvironmentKind.Production;
        if (production)
        {
            config[KafkaTopicConfigs.MinInsyncReplicas] = KafkaTopicRules.ProductionMinInsyncReplicas.ToString(CultureInfo.InvariantCulture);
            config[KafkaTopicConfigs.UncleanLeaderElection] = "false";
            if (config[KafkaTopicConfigs.CleanupPolicy] != "compact")
            {
                config.TryAdd(KafkaTopicConfigs.RetentionMs, KafkaTopicConfigs.Keys[KafkaTopicConfigs.RetentionMs].KafkaDefault);
            }
        }
        foreach (var entry in topic.Topic.Config)
        {
            // Validation has checked every key and value; the canonical spelling keeps "2" and "02" one value.
            config[entry.Key] = KafkaTopicConfigs.Keys[entry.Key].Canonical(entry.Value) ?? entry.Value;
        }
        // A compacted topic that never deletes keeps its tombstones (its erasures) this long: stated, never left to the brokers.
        var compactOnly = config[KafkaTopicConfigs.CleanupPolicy] == "compact";
        if (compactOnly)
        {
            config.TryAdd(KafkaTopicConfigs.DeleteRetentionMs, KafkaTopicConfigs.Keys[KafkaTopicConfigs.DeleteRetentionMs].KafkaDefault);
        }
        return config
            .Where(c => (production && KafkaTopicConfigs.PinnedInProduction.Any(p => p.Key == c.Key))
                || (compactOnly && c.Key == KafkaTopicConfigs.DeleteRetentionMs)
                || !KafkaTopicConfigs.Keys[c.Key].IsKafkaDefault(c.Value))
            .Select(c => new TopicConfigEntry(c.Key, c.Value))
            .ToEquatableList();
    }
}
