namespace Infra.Blueprints.Definition;

/// <summary>
/// Values of a topic that differ on one stack (e.g. fewer partitions on staging). <see cref="Delete"/>
/// marks the topic for deletion on that stack only.
/// </summary>
public sealed record TopicEnvironmentOverride(string Stack, int? Partitions, int? ReplicationFactor, int? RetentionHours, TopicDeletion? Delete);
