using System.Globalization;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Validation;

/// <summary>
/// Checks of the topic catalog that span entries or depend on the stack: references to teams,
/// services and stacks; one owner team per domain; and the rules of the stack's environment on
/// the topic's values there (production: replication factor 3, min.insync.replicas 2).
/// </summary>
internal static class KafkaTopicValidator
{
    public static void Validate(IReadOnlyList<Located<KafkaTopicDefinition>> topics, ReferenceNames names, EnvironmentKind? environment, DocumentContext context)
    {
        var domainOwners = new Dictionary<string, (string Owner, string Path)>(StringComparer.Ordinal);
        foreach (var (path, topic) in topics)
        {
            names.RequireTeam(topic.Owner, KeyPath.Child(path, "owner"), context);
            CheckDomainOwner(topic, path, domainOwners, context);
            foreach (var o in topic.Environments)
            {
                names.RequireStack(o.Stack, KeyPath.Child(KeyPath.Child(path, "environments"), o.Stack), context);
            }
            var onStack = ResolvedTopic.Resolve(topic, names.StackName);
            if (onStack.Delete == TopicDeletion.Delete)
            {
                // A topic on its way out keeps its entry for the record; its clients may already be gone.
                continue;
            }
            StackSettingsValidator.CheckEach(topic.Producers, KeyPath.Child(path, "producers"), context, (s, p) => names.RequireService(s, p, context));
            StackSettingsValidator.CheckEach(topic.Consumers, KeyPath.Child(path, "consumers"), context, (s, p) => names.RequireService(s, p, context));
            StackSettingsValidator.CheckEach(topic.TransactionalProducers, KeyPath.Child(path, "transactionalProducers"), context, (s, p) =>
            {
                if (!topic.Producers.Contains(s))
                {
                    context.Error(p, $"'{s}' writes in transactions but is not a producer of this topic; list it under producers too (transactionalProducers only adds its transactional ids)");
                }
            });
            if (environment is { } kind)
            {
                CheckEnvironmentRules(onStack, path, names.StackName, kind, context);
            }
            CheckErasure(onStack, path, context);
        }
    }

    /// <summary>A domain (the first part of topic names) belongs to one team, so teams cannot write into each other's topics.</summary>
    private static void CheckDomainOwner(KafkaTopicDefinition topic, string path, Dictionary<string, (string Owner, string Path)> domainOwners, DocumentContext context)
    {
        var domain = topic.Name.Split('.')[0];
        if (!domainOwners.TryAdd(domain, (topic.Owner, path)) && domainOwners[domain].Owner != topic.Owner)
        {
            var first = domainOwners[domain];
            context.Error(KeyPath.Child(path, "owner"),
                $"domain '{domain}' belongs to team '{first.Owner}' ({first.Path}); topics of a domain have one owner team, so '{topic.Owner}' declares topics in its own domains only");
        }
    }

    /// <summary>
    /// A restricted compacted topic keeps each key's last value for ever, so erasing personal data
    /// depends on a tombstone: it needs a bound (retentionHours: compact,delete) or a declared
    /// erasure process and a stated tombstone retention.
    /// </summary>
    private static void CheckErasure(ResolvedTopic topic, string path, DocumentContext context)
    {
        var definition = topic.Topic;
        if (definition.DataClassification != DataClassification.Restricted || definition.CleanupPolicy != CleanupPolicy.Compact || topic.RetentionHours is not null)
        {
            return;
        }
        var tombstones = definition.Config.Any(c => c.Key == KafkaTopicConfigs.DeleteRetentionMs);
        if (string.IsNullOrWhiteSpace(definition.Erasure) || !tombstones)
        {
            var missing = string.Join(" and ", new[] { string.IsNullOrWhiteSpace(definition.Erasure) ? "erasure" : null, tombstones ? null : "config.delete.retention.ms" }.OfType<string>());
            context.Error(KeyPath.Child(path, "cleanupPolicy"),
                $"restricted and compacted without retentionHours: every key's last value is kept for ever, so erasure rests on tombstones; missing {missing}. "
                + "Expected retentionHours (compact,delete with that bound), or erasure (the process that writes a tombstone per erased key) with config.delete.retention.ms (how long tombstones stay)");
        }
    }

    private static void CheckEnvironmentRules(ResolvedTopic topic, string path, string stack, EnvironmentKind environment, DocumentContext context)
    {
        var overridden = topic.Topic.Environments.FirstOrDefault(o => o.Stack == stack)?.ReplicationFactor is not null;
        var replicationPath = overridden
            ? KeyPath.Child(KeyPath.Child(KeyPath.Child(path, "environments"), stack), "replicationFactor")
            : KeyPath.Child(path, "replicationFactor");
        var production = environment == EnvironmentKind.Production;
        if (production && topic.ReplicationFactor != KafkaTopicRules.ProductionReplicationFactor)
        {
            context.Error(replicationPath,
                $"replication factor {topic.ReplicationFactor} on production stack '{stack}'; production topics have replication factor {KafkaTopicRules.ProductionReplicationFactor} (staging may use less)");
        }
        var configPath = KeyPath.Child(path, "config");
        foreach (var entry in topic.Topic.Config)
        {
            var entryPath = KeyPath.Child(configPath, entry.Key);
            var value = KafkaTopicConfigs.Keys[entry.Key].Canonical(entry.Value);
            if (entry.Key == KafkaTopicConfigs.MinInsyncReplicas && value is not null)
            {
                var minInsync = int.Parse(value, CultureInfo.InvariantCulture);
                if (production && minInsync != KafkaTopicRules.ProductionMinInsyncReplicas)
                {
                    context.Error(entryPath, $"{minInsync} on production stack '{stack}'; production topics have min.insync.replicas {KafkaTopicRules.ProductionMinInsyncReplicas} (it is set for you: leave it out)");
                }
                else if (minInsync > topic.ReplicationFactor)
                {
                    context.Error(entryPath, $"{minInsync} is more than the replication factor {topic.ReplicationFactor} on stack '{stack}'; every write with acks=all would fail; expected at most {topic.ReplicationFactor}");
                }
            }
            if (entry.Key == KafkaTopicConfigs.UncleanLeaderElection && value == "true" && production)
            {
                context.Error(entryPath, $"true on production stack '{stack}'; an out-of-sync replica becoming leader loses acknowledged writes; expected false (Kafka's default: leave it out)");
            }
        }
    }
}
