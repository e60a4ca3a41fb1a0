namespace Infra.Blueprints.People;

/// <summary>What an HR event says happened; the JSON <c>type</c> is the kebab-case name.</summary>
public enum HrEventKind
{
    Hire,
    Leave,
    TeamChange,
    ContractExtension,
}
