namespace Infra.Blueprints.People;

/// <summary>What an HR event says happened; the JSON <c>type</c> is the kebab-case name.</summary>
public enum HrEventKind
{
    Hire,
    Leave,
    TeamChange,
    ContractExtension,

    /// <summary>Access ends now: at the time HR issued the event, or when it is applied if that is earlier.</summary>
    Terminate,
}
