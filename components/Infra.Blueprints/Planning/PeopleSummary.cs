namespace Infra.Blueprints.Planning;

/// <summary>Counts of people on the plan's day.</summary>
public sealed record PeopleSummary(
    int Total,
    int Active,
    int NotStarted,
    int Left,
    int ActiveContractors,
    int ActiveGrants);
