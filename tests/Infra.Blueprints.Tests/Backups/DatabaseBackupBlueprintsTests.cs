using System.Text.Json;
using Infra.Blueprints.Backups;
using Infra.Blueprints.Databases;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Tests.Fleets;

namespace Infra.Blueprints.Tests.Backups;

public sealed class DatabaseBackupBlueprintsTests
{
    private static readonly StackDefinition Staging = RepositoryDefinitions.Load("staging");
    private static readonly StackDefinition Production = RepositoryDefinitions.Load("production");

    private static DatabaseBackupBlueprint For(StackDefinition definition) => DatabaseBackupBlueprints.For(definition, DatabaseBlueprints.For(definition));

    [Theory]
    [InlineData("eu-west-3", "eu-west-1")]
    [InlineData("eu-west-1", "eu-west-3")]
    public void Each_region_backs_up_its_own_clusters_daily_and_copies_them_to_the_backup_account_and_to_the_other_region(string primary, string secondary)
    {
        var backups = For(Staging with { Regions = new RegionPair(primary, secondary) });

        Assert.Equal([primary, secondary], backups.Regions.Select(r => r.Region));
        foreach (var region in backups.Regions)
        {
            var other = region.Region == primary ? secondary : primary;
            Assert.Equal(
                [$"arn:aws:rds:{region.Region}:111122223333:cluster:ledger-db-staging-{region.Region}", $"arn:aws:rds:{region.Region}:111122223333:cluster:payments-db-staging-{region.Region}"],
                region.ClusterArns);
            Assert.Equal($"arn:aws:backup:{region.Region}:111122223333:backup-vault:databases-staging-{region.Region}", region.VaultArn);
            // Aurora recovery points are copied either across accounts or across regions: one copy of each kind, from the same source.
            Assert.Equal($"arn:aws:backup:{region.Region}:555566667777:backup-vault:databases-staging-{region.Region}-from-111122223333", region.CopyVaultArn);
            Assert.Equal($"arn:aws:backup:{other}:111122223333:backup-vault:databases-staging-{other}", region.CrossRegionVaultArn);
        }
        Assert.Equal("cron(30 5 ? * * *)", backups.Schedule);
    }

    [Fact]
    public void The_plan_runs_after_every_databases_backup_and_maintenance_window()
    {
        var backups = For(Production);
        var planStart = TimeOnly.Parse("05:30", System.Globalization.CultureInfo.InvariantCulture);

        Assert.All(Production.Databases, database =>
        {
            var maintenanceEnd = TimeOnly.Parse(DatabaseWindows.Maintenance(database.Name).Split('-')[1][4..], System.Globalization.CultureInfo.InvariantCulture);
            var backupEnd = TimeOnly.Parse(DatabaseWindows.Backup(database.Name).Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(maintenanceEnd <= planStart && backupEnd <= planStart, $"{database.Name}: windows end at {backupEnd} and {maintenanceEnd}, after the plan's {planStart}");
        });
        Assert.StartsWith("cron(30 5 ", backups.Schedule, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_locks_the_backup_accounts_vaults_in_compliance_mode_and_staging_in_governance_mode()
    {
        var production = For(Production);
        var staging = For(Staging);

        Assert.Equal(new BackupVaultLock(3, 365, 3650), production.Lock);
        Assert.True(production.Lock.IsComplianceMode);
        Assert.Equal(365, production.RetentionDays);
        Assert.Equal(new BackupVaultLock(null, 35, 3650), staging.Lock);
        Assert.False(staging.Lock.IsComplianceMode);
    }

    [Fact]
    public void Only_the_environments_account_may_copy_into_the_backup_accounts_vault()
    {
        var region = For(Production).Regions[0];

        using var policy = JsonDocument.Parse(region.CopyVaultPolicy);
        var statement = Assert.Single(policy.RootElement.GetProperty("Statement").EnumerateArray());
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        Assert.Equal("arn:aws:iam::444455556666:root", statement.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal("backup:CopyIntoBackupVault", statement.GetProperty("Action").GetString());
        Assert.Equal(region.CopyVaultArn, statement.GetProperty("Resource").GetString());
    }

    [Fact]
    public void The_backup_accounts_key_is_administered_there_and_used_by_the_environment_only_through_aws_backup_and_rds()
    {
        var region = For(Production).Regions[0];

        using var policy = JsonDocument.Parse(region.CopyVaultKeyPolicy);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        var admin = statements.Single(s => s.GetProperty("Sid").GetString() == "AccountAdministers");
        Assert.Equal("arn:aws:iam::888899990000:root", admin.GetProperty("Principal").GetProperty("AWS").GetString());
        var copies = statements.Single(s => s.GetProperty("Sid").GetString() == "CrossAccountCopies");
        Assert.Equal("arn:aws:iam::444455556666:root", copies.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.DoesNotContain(statements, s => s.GetProperty("Principal").TryGetProperty("AWS", out var aws) && aws.GetString() == "*"
            && s.GetProperty("Condition").GetProperty("StringEquals").GetProperty("kms:CallerAccount").GetString() != "888899990000");
        Assert.Equal(["AccountAdministers", "UseThroughBackup", "GrantsThroughBackup", "UseThroughRds", "GrantsThroughRds", "CrossAccountCopies"],
            statements.Select(s => s.GetProperty("Sid").GetString()));
    }

    [Fact]
    public void Aws_backup_alone_takes_the_service_role_with_awss_backup_policy()
    {
        var backups = For(Staging);

        using var trust = JsonDocument.Parse(backups.ServiceRoleTrustPolicy);
        var statement = Assert.Single(trust.RootElement.GetProperty("Statement").EnumerateArray());
        Assert.Equal("backup.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(["arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"], backups.ServiceRolePolicyArns);
        Assert.Equal("arn:aws:iam::555566667777:role/infra-backup", backups.BackupAccountRoleArn);
    }
}
