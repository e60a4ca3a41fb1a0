namespace Infra.Blueprints.Definition;

/// <summary>
/// Where AWS Backup keeps the databases' copies: a separate backup account, so that a compromise of
/// the environment's account cannot delete them (DORA Art. 12), and for how long.
/// </summary>
/// <param name="AccountId">The backup account: never the environment's own (<c>infra:awsAccountId</c>).</param>
/// <param name="RetentionDays">How long every recovery point and its copies are kept; the backup account's vault lock refuses shorter.</param>
public sealed record DatabaseBackupSettings(string AccountId, int RetentionDays);
