namespace Infra.Blueprints.Definition;

/// <summary>A person of people.yaml; access runs from <see cref="Start"/> to <see cref="End"/> (UTC days, inclusive).</summary>
public sealed record PersonDefinition(
    string Id,
    string Name,
    string Email,
    EquatableList<string> Teams,
    ContractKind Contract,
    DateOnly Start,
    DateOnly? End,
    EquatableList<TemporaryGrant> Grants)
{
    /// <summary>Whether the person has access on <paramref name="day"/>: from the start day to the end day, both included.</summary>
    public bool HasAccessOn(DateOnly day) => Start <= day && (End is null || day <= End);
}
