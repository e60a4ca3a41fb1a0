namespace Infra.Blueprints.Account;

/// <summary>Who runs the baseline, and the log archive account that keeps the trail; the environment's own account is the stack definition's <c>AwsAccountId</c>.</summary>
public sealed record AccountBaselineSettings(BaselineMode Mode, string LogArchiveAccountId);
