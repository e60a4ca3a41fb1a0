namespace Infra.Blueprints.Account;

/// <summary>
/// Who runs the baseline, the log archive account that keeps the trail, and in central mode the bucket the security
/// account's trail writes to (in managed mode the blueprint names the bucket); the environment's own account is the
/// stack definition's <c>AwsAccountId</c>.
/// </summary>
public sealed record AccountBaselineSettings(BaselineMode Mode, string LogArchiveAccountId, string? TrailBucket = null);
