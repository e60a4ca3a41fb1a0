using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Kafka;

/// <summary>A <c>kafka:index/topic:Topic</c> as a <c>pulumi stack export</c> holds it: the inputs it was last applied with, and whether the state protects it.</summary>
public sealed record DeployedTopic(string Urn, string Name, int Partitions, int ReplicationFactor, EquatableList<TopicConfigEntry> Config, bool Protected = false);
