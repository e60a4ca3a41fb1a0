namespace Infra.Blueprints.Definition;

/// <summary>One Kafka topic config override, as Kafka takes it: a key and a string value.</summary>
public sealed record TopicConfigEntry(string Key, string Value);
