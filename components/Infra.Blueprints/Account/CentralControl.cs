namespace Infra.Blueprints.Account;

/// <summary>
/// A baseline control that no AWS lookup reads directly (CloudTrail, Config, flow logs, the password policy, the access
/// analyzer), checked in central mode through the Security Hub control that evaluates it under the CIS AWS Foundations
/// standard: the control must be enabled there, so the security account sees this account fail it. A global control is
/// evaluated in the home region only.
/// </summary>
public sealed record CentralControl(string SecurityControlId, string Evidences, bool Global);
