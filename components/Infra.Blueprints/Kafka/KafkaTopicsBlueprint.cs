using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Kafka;

/// <summary>
/// Everything the KafkaTopics component creates on one stack: the topics, their ACLs, the names of
/// topics marked <c>delete: true</c> there (which are not created, and whose deletion the plan
/// allows once they are unprotected), and of those marked <c>delete: unprotect</c> (kept, unprotected).
/// <see cref="Pinned"/> are the configs written on every topic even where they equal Kafka's default.
/// </summary>
public sealed record KafkaTopicsBlueprint(
    string Stack,
    EnvironmentKind Environment,
    EquatableList<KafkaTopicBlueprint> Topics,
    EquatableList<PinnedTopicSetting> Pinned,
    EquatableList<KafkaAclBlueprint> Acls,
    EquatableList<string> MarkedForDeletion,
    EquatableList<string> Unprotected);
