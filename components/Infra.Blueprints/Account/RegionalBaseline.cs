using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Account;

/// <summary>
/// What each region of the account runs: Config recording (global resources in the home region only), GuardDuty,
/// Security Hub with its standards, EBS encryption by default, an access analyzer, and flow logs of the VPC.
/// </summary>
public sealed record RegionalBaseline(
    string Region,
    string VpcId,
    bool RecordGlobalResources,
    EquatableList<string> SecurityHubStandardArns,
    string FlowLogTrafficType,
    string AccessAnalyzerName)
{
    /// <summary>The standard under which central mode requires Security Hub to evaluate the account's <see cref="CentralControl"/>s.</summary>
    public string CentralControlsStandardArn { get; init; } = "";
}
