namespace Infra.Blueprints.Kafka;

/// <summary>The bounds and per-environment rules of topics, in one place (docs/formats.md repeats them).</summary>
public static class KafkaTopicRules
{
    public const int MinPartitions = 1;
    public const int MaxPartitions = 1024;
    public const int MinReplicationFactor = 1;
    public const int MaxReplicationFactor = 5;
    public const int MinRetentionHours = 1;
    public const int MaxRetentionHours = 8760;

    /// <summary>Production keeps every write on two of three brokers: one broker may fail without loss or downtime.</summary>
    public const int ProductionReplicationFactor = 3;

    public const int ProductionMinInsyncReplicas = 2;

    public const long MillisecondsPerHour = 60 * 60 * 1000L;
}
