namespace Infra.Blueprints.Definition;

/// <summary>A team of teams.yaml.</summary>
public sealed record TeamDefinition(
    string Id,
    string Name,
    string CostCenter,
    bool IsPlatform,
    TeamEntitlements Entitlements);
