namespace Infra.Policies.Benchmarking;

/// <summary>A Kafka topic for <see cref="SyntheticStackExport.WriteKafkaTopics"/>: its inputs as the Kafka provider stores them.</summary>
public sealed record SyntheticTopic(string Name, int Partitions, int ReplicationFactor, IReadOnlyList<KeyValuePair<string, string>> Config);
