namespace Infra.Blueprints.Definition;

/// <summary>Values of a topic that differ on one stack (e.g. fewer partitions on staging).</summary>
public sealed record TopicEnvironmentOverride(string Stack, int? Partitions, int? ReplicationFactor, int? RetentionHours);
