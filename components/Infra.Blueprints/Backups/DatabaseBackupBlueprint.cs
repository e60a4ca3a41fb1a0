using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Backups;

/// <summary>
/// AWS Backup for a stack's databases, as plain data: in each region a plan backs up that region's
/// clusters every day into a vault of the environment's account, and copies each recovery point
/// twice: into the locked vault of the separate backup account in the same region (cross-account),
/// and into the environment's vault of the other region (cross-region). AWS Backup copies an Aurora
/// recovery point either across accounts or across regions, never both in one chain, hence two
/// copies of one source. The <c>DatabaseBackups</c> component maps it one for one.
/// </summary>
/// <param name="BackupAccountId">The separate backup account (<c>infra:databaseBackup.accountId</c>).</param>
/// <param name="BackupAccountRoleName">The role in the backup account through which the stack manages its vaults there.</param>
/// <param name="ServiceRoleName">The role AWS Backup takes in the environment's account to back up and copy.</param>
/// <param name="ServiceRoleTrustPolicy">Only AWS Backup may take it.</param>
/// <param name="ServiceRolePolicyArns">AWS's managed policy for AWS Backup's backups and copies.</param>
/// <param name="Schedule">Daily, after every database's backup and maintenance windows (which end by 05:00 UTC).</param>
/// <param name="RetentionDays">Every recovery point and each of its copies.</param>
/// <param name="Lock">The vault lock of the backup account's vaults.</param>
/// <param name="Regions">One per region of the stack, primary first.</param>
public sealed record DatabaseBackupBlueprint(
    string Stack,
    string BackupAccountId,
    string BackupAccountRoleName,
    string ServiceRoleName,
    string ServiceRoleTrustPolicy,
    EquatableList<string> ServiceRolePolicyArns,
    string Schedule,
    int StartWindowMinutes,
    int CompletionWindowMinutes,
    int RetentionDays,
    BackupVaultLock Lock,
    int KmsDeletionWindowDays,
    EquatableList<BackupRegionBlueprint> Regions,
    EquatableList<ResourceTag> Tags)
{
    /// <summary>The role ARN the backup account's providers assume.</summary>
    public string BackupAccountRoleArn => $"arn:aws:iam::{BackupAccountId}:role/{BackupAccountRoleName}";
}
