namespace Infra.Blueprints.Definition;

/// <summary>The data people and HR edit, shared by every stack: teams, people and Kafka topics.</summary>
public sealed record Catalog(
    EquatableList<TeamDefinition> Teams,
    EquatableList<PersonDefinition> People,
    EquatableList<KafkaTopicDefinition> Topics);
