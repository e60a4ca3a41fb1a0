namespace Infra.Policies.Evaluation;

/// <summary>
/// Where a component's resources come from: the stack file key whose entries are named like the component
/// (<c>infra:services</c>: entry <c>ledger</c> makes the <c>ServiceFleet</c> named <c>ledger</c>), if any, the catalog
/// whose entries name its resources, if any, and the component's code.
/// </summary>
public sealed record ComponentSource(string ComponentType, string? StackKey, string File, CatalogSource? Catalog = null);
