using System.Globalization;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Kafka;

/// <summary>
/// The topic config keys the catalog may set: real keys of Kafka's <c>TopicConfig</c>, with the
/// defaults of Apache Kafka's <c>LogConfig</c>/<c>ServerLogConfigs</c> (docs/formats.md has the
/// table). A value equal to the default is not written, so the provider never sees a diff between
/// "set to the default" and "not set". The defaults assume the cluster keeps Kafka's broker
/// defaults for these keys; a cluster that overrides one (e.g. log.retention.hours) must be
/// reflected here, or eliding would change the topic.
/// </summary>
public static class KafkaTopicConfigs
{
    public const string CleanupPolicy = "cleanup.policy";
    public const string RetentionMs = "retention.ms";
    public const string MinInsyncReplicas = "min.insync.replicas";
    public const string UncleanLeaderElection = "unclean.leader.election.enable";
    public const string DeleteRetentionMs = "delete.retention.ms";

    private const long Day = 24 * 60 * 60 * 1000L;

    /// <summary>Keys the catalog sets through their own fields, never under <c>config:</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> SetByFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CleanupPolicy] = "cleanupPolicy",
        [RetentionMs] = "retentionHours",
    };

    public static readonly IReadOnlyDictionary<string, KafkaConfigKey> Keys = new[]
    {
        KafkaConfigKey.Choice(CleanupPolicy, "delete", "delete", "compact", "compact,delete"),
        KafkaConfigKey.WholeNumber(RetentionMs, 7 * Day, -1, 365 * Day),
        KafkaConfigKey.WholeNumber("retention.bytes", -1, -1, 1L << 40),
        KafkaConfigKey.WholeNumber(MinInsyncReplicas, 1, 1, 5),
        KafkaConfigKey.WholeNumber("max.message.bytes", 1024 * 1024 + 12, 1024, 8 * 1024 * 1024),
        KafkaConfigKey.Choice("compression.type", "producer", "uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"),
        KafkaConfigKey.WholeNumber("segment.bytes", 1024 * 1024 * 1024, 1024 * 1024, 1024 * 1024 * 1024),
        KafkaConfigKey.WholeNumber("segment.ms", 7 * Day, 60 * 60 * 1000L, 365 * Day),
        KafkaConfigKey.WholeNumber("min.compaction.lag.ms", 0, 0, 365 * Day),
        KafkaConfigKey.WholeNumber("max.compaction.lag.ms", long.MaxValue, 60 * 60 * 1000L, long.MaxValue),
        KafkaConfigKey.WholeNumber(DeleteRetentionMs, Day, 0, 365 * Day),
        KafkaConfigKey.Fraction("min.cleanable.dirty.ratio", "0.5"),
        KafkaConfigKey.Choice("message.timestamp.type", "CreateTime", "CreateTime", "LogAppendTime"),
        KafkaConfigKey.TrueFalse(UncleanLeaderElection, false),
    }.ToDictionary(k => k.Key, StringComparer.Ordinal);

    /// <summary>
    /// Durability that production does not leave to the brokers: these keys are written on every
    /// production topic even where the value is Kafka's default, so that a cluster-wide override
    /// (an MSK configuration's <c>unclean.leader.election.enable</c> or <c>log.retention.*</c>) cannot change a topic.
    /// </summary>
    public static EquatableList<PinnedTopicSetting> PinnedInProduction { get; } =
    [
        new(UncleanLeaderElection, "false", "an out-of-sync replica never becomes leader, so no acknowledged write is lost; written although it is Kafka's default, so a broker override cannot turn it on"),
        new(MinInsyncReplicas, KafkaTopicRules.ProductionMinInsyncReplicas.ToString(CultureInfo.InvariantCulture), "a write acknowledged with acks=all is on 2 of the 3 replicas; Kafka's default 1 acknowledges a write that one broker holds"),
        new(RetentionMs, "retentionHours, or Kafka's 7 days", "the topic keeps its data as long as the catalog says whatever the cluster's log.retention.* (compacted topics without retentionHours have none)"),
    ];

    /// <summary>The keys a catalog entry may list under <c>config:</c>.</summary>
    public static IEnumerable<string> AllowedInCatalog => Keys.Keys.Where(k => !SetByFields.ContainsKey(k)).Order(StringComparer.Ordinal);
}
