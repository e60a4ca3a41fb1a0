namespace Infra.Blueprints.Definition;

/// <summary>What a service calls: other services, databases and Kafka topics, by name.</summary>
public sealed record ServiceDependencies(
    EquatableList<string> Services,
    EquatableList<string> Databases,
    EquatableList<string> Topics)
{
    public static ServiceDependencies None { get; } = new([], [], []);
}
