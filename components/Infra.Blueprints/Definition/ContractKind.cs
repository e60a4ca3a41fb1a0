namespace Infra.Blueprints.Definition;

/// <summary>How a person works for the bank; contractors always have an end date.</summary>
public enum ContractKind
{
    Employee,
    Contractor,
}
