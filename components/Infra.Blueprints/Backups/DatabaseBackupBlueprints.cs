using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Databases;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Backups;

/// <summary>Builds the AWS Backup blueprint of a stack's databases: a pure function of the definition and its database blueprints.</summary>
public static class DatabaseBackupBlueprints
{
    /// <summary>The role the bank's landing zone provides in the backup account for this program.</summary>
    public const string BackupAccountRoleName = "infra-backup";

    /// <summary>AWS's managed policy that lets AWS Backup back up and copy the supported resources.</summary>
    public const string BackupServicePolicyArn = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup";

    /// <summary>AWS Backup's shortest grace period of a lock in compliance mode.</summary>
    public const int ComplianceLockGraceDays = 3;

    /// <summary>The longest a recovery point may be kept: room to lengthen the retention under a lock that can no longer change.</summary>
    public const int MaxRetentionDays = 3650;

    private static readonly string[] KeyServices = ["backup", "rds"];

    public static DatabaseBackupBlueprint For(StackDefinition definition, IReadOnlyList<DatabaseBlueprint> databases)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(databases);
        var production = definition.Environment == EnvironmentKind.Production;
        var settings = definition.DatabaseBackup;
        var account = definition.AwsAccountId;
        var stack = definition.StackName;
        string VaultName(string region) => $"databases-{stack}-{region}";
        var regionNames = new[] { definition.Regions.Primary, definition.Regions.Secondary };
        var regions = regionNames.Select(region =>
        {
            var other = regionNames.Single(r => r != region);
            var copyVault = $"databases-{stack}-{region}-from-{account}";
            return new BackupRegionBlueprint(
                region,
                VaultName(region),
                VaultArn(region, account, VaultName(region)),
                $"AWS Backup of the {stack} databases in {region}: recovery points and the copies from {other}",
                DatabaseKeyPolicy.Serialized(DatabaseKeyPolicy.AdministeredAndUsedThrough(account, region, KeyServices)),
                $"databases-{stack}-{region}",
                "daily",
                $"databases-{stack}-{region}",
                databases.Select(d => d.Regions.Single(r => r.Region == region).ClusterIdentifier)
                    .Select(id => $"arn:aws:rds:{region}:{account}:cluster:{id}")
                    .Order(StringComparer.Ordinal)
                    .ToEquatableList(),
                copyVault,
                VaultArn(region, settings.AccountId, copyVault),
                $"Copies of the {stack} databases ({account}) in {region}, under a vault lock",
                CopyVaultKeyPolicy(settings.AccountId, account, region),
                CopyVaultPolicy(account, VaultArn(region, settings.AccountId, copyVault)),
                VaultArn(other, account, VaultName(other)));
        }).ToEquatableList();
        return new DatabaseBackupBlueprint(
            stack,
            settings.AccountId,
            BackupAccountRoleName,
            $"infra-database-backup-{stack}",
            ServiceTrustPolicy(),
            [BackupServicePolicyArn],
            // After every database's backup window (from 00:00 to 04:00 UTC) and maintenance window (ending by 05:00).
            "cron(30 5 ? * * *)",
            StartWindowMinutes: 60,
            CompletionWindowMinutes: 480,
            settings.RetentionDays,
            // Production's lock can never be lifted after its grace period; staging's stays liftable, so the environment can be torn down.
            new BackupVaultLock(production ? ComplianceLockGraceDays : null, settings.RetentionDays, MaxRetentionDays),
            KmsDeletionWindowDays: production ? 30 : 7,
            regions,
            StandardTags.For("database-backups", "platform", DataClassification.Restricted, definition));
    }

    private static string VaultArn(string region, string account, string name) => $"arn:aws:backup:{region}:{account}:backup-vault:{name}";

    /// <summary>The backup account administers its key; AWS Backup and RDS use it for the backup account and for the environment's copies.</summary>
    private static string CopyVaultKeyPolicy(string backupAccount, string environmentAccount, string region)
    {
        var statements = DatabaseKeyPolicy.AdministeredAndUsedThrough(backupAccount, region, KeyServices);
        statements.Add(DatabaseKeyPolicy.CopiesBy(environmentAccount, region));
        return DatabaseKeyPolicy.Serialized(statements);
    }

    /// <summary>Only the environment's account copies into the backup account's vault; nothing else is granted.</summary>
    private static string CopyVaultPolicy(string environmentAccount, string vaultArn) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Sid"] = "CopiesFromTheEnvironment",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = $"arn:aws:iam::{environmentAccount}:root" },
            ["Action"] = "backup:CopyIntoBackupVault",
            ["Resource"] = vaultArn,
        }),
    }.ToJsonString();

    private static string ServiceTrustPolicy() => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = "backup.amazonaws.com" },
            ["Action"] = "sts:AssumeRole",
        }),
    }.ToJsonString();
}
