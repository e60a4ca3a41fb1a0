namespace Infra.Blueprints.Kafka;

/// <summary>A topic config key written on every topic of a stack even where it equals Kafka's default, and why.</summary>
public sealed record PinnedTopicSetting(string Key, string Value, string Why);
