using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Kafka;

/// <summary>
/// Compares a stack's blueprint with the topics its state holds: a pure function. The Kafka
/// provider grows partitions in place and alters configs in place; anything else re-creates the
/// topic, which loses its data. So a replication-factor change or a partition decrease is refused
/// outright (delete the topic with the mark first, then declare it again), and a deletion is
/// refused unless the catalog marks the topic <c>delete: true</c> and the state no longer protects
/// it (a production topic is unprotected by a release with <c>delete: unprotect</c> first).
/// </summary>
public static class KafkaChangePlanner
{
    public static KafkaChangePlan Compare(KafkaTopicsBlueprint blueprint, IReadOnlyList<DeployedTopic> state)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        ArgumentNullException.ThrowIfNull(state);
        var deployed = new Dictionary<string, DeployedTopic>(StringComparer.Ordinal);
        foreach (var topic in state)
        {
            deployed.TryAdd(topic.Name, topic);
        }
        var marked = blueprint.MarkedForDeletion.ToHashSet(StringComparer.Ordinal);
        var changes = new List<TopicChange>();
        var unchanged = 0;
        foreach (var wanted in blueprint.Topics)
        {
            if (!deployed.Remove(wanted.Name, out var current))
            {
                changes.Add(new TopicChange(wanted.Name, TopicChangeKind.Create, false, false,
                    [$"{wanted.Partitions} partitions, replication factor {wanted.ReplicationFactor}", .. wanted.Config.Select(c => $"{c.Key}={c.Value}")], null));
            }
            else if (Change(wanted, current, blueprint.Stack) is { } change)
            {
                changes.Add(change);
            }
            else
            {
                unchanged++;
            }
        }
        foreach (var gone in deployed.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var isMarked = marked.Contains(gone.Name);
            var allowed = isMarked && !gone.Protected;
            changes.Add(new TopicChange(gone.Name, TopicChangeKind.Delete, true, !allowed,
                [$"{gone.Partitions} partitions, replication factor {gone.ReplicationFactor}; its data is lost"],
                (isMarked, gone.Protected) switch
                {
                    (false, _) => "the topic is not in the catalog; deleting a topic (or renaming it: a delete and a create) requires its entry with delete: true",
                    (true, true) => "marked delete: true, but the state still protects the topic, so Pulumi would fail the update: "
                        + "release delete: unprotect first (the topic stays, its protection goes), then delete: true in the next release",
                    (true, false) => "marked delete: true in the catalog, and the state does not protect it",
                }));
        }
        return new KafkaChangePlan(changes, unchanged);
    }

    private static TopicChange? Change(KafkaTopicBlueprint wanted, DeployedTopic current, string stack)
    {
        var remedy = "destroys and re-creates the topic, losing its data; to do it on purpose, mark the topic delete: true "
            + $"(environments.{stack}.delete for this stack only), apply, then declare it again";
        if (wanted.ReplicationFactor != current.ReplicationFactor)
        {
            return new TopicChange(wanted.Name, TopicChangeKind.Replace, true, true,
                [$"replication factor {current.ReplicationFactor} -> {wanted.ReplicationFactor}"],
                "a replication factor change " + remedy);
        }
        if (wanted.Partitions < current.Partitions)
        {
            return new TopicChange(wanted.Name, TopicChangeKind.Replace, true, true,
                [$"partitions {current.Partitions} -> {wanted.Partitions}"],
                "partitions only grow: a decrease " + remedy);
        }
        var details = new List<string>();
        if (wanted.Partitions > current.Partitions)
        {
            details.Add($"partitions {current.Partitions} -> {wanted.Partitions}");
        }
        details.AddRange(ConfigDifferences(current.Config, wanted.Config));
        return details.Count == 0 ? null : new TopicChange(wanted.Name, TopicChangeKind.Update, false, false, details, null);
    }

    private static IEnumerable<string> ConfigDifferences(IReadOnlyList<TopicConfigEntry> current, IReadOnlyList<TopicConfigEntry> wanted)
    {
        var before = current.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var after = wanted.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var had = before.TryGetValue(key, out var old);
            var has = after.TryGetValue(key, out var value);
            if (had && has && old != value)
            {
                yield return $"{key} {old} -> {value}";
            }
            else if (!had && has)
            {
                yield return $"{key} set to {value}";
            }
            else if (had && !has)
            {
                yield return $"{key} {old} removed (Kafka's default applies)";
            }
        }
    }
}
