namespace Infra.Blueprints.Backups;

/// <summary>
/// A vault lock: nobody, the backup account's root included, deletes a recovery point before
/// <paramref name="MinRetentionDays"/>. With <paramref name="ChangeableForDays"/> the lock is in
/// compliance mode and can no longer be changed or removed once those days have passed; without
/// it, governance mode, which a privileged IAM principal of the backup account may still lift.
/// </summary>
/// <param name="MaxRetentionDays">Room to lengthen the retention later: compliance mode never lets the lock change again.</param>
public sealed record BackupVaultLock(int? ChangeableForDays, int MinRetentionDays, int MaxRetentionDays)
{
    public bool IsComplianceMode => ChangeableForDays is not null;
}
