namespace Infra.Blueprints.Planning;

/// <summary>The blueprint-level plan of a stack on a given day: what the stack will hold.</summary>
public sealed record StackPlan(
    string Stack,
    string Environment,
    string PrimaryRegion,
    string SecondaryRegion,
    DateOnly Day,
    IReadOnlyList<ServicePlan> Services,
    IReadOnlyList<DatabasePlan> Databases,
    IReadOnlyList<TopicDomainPlan> TopicDomains,
    IReadOnlyList<TeamPlan> Teams,
    PeopleSummary People);
