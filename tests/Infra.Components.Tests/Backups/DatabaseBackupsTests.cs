using System.Text.Json;
using Infra.Blueprints.Backups;
using Infra.Blueprints.Databases;
using Infra.Blueprints.Loading;
using Infra.Components.Backups;
using Infra.Components.Tests.Support;
using Pulumi;
using Pulumi.Testing;
using static Infra.Components.Tests.InputTree;

namespace Infra.Components.Tests.Backups;

/// <summary>The backups map their blueprint one for one, the locked vaults through the backup account's providers.</summary>
public sealed class DatabaseBackupsTests
{
    private const string Vault = "aws:backup/vault:Vault";
    private const string Plan = "aws:backup/plan:Plan";
    private const string Selection = "aws:backup/selection:Selection";
    private const string Lock = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";
    private const string VaultPolicy = "aws:backup/vaultPolicy:VaultPolicy";

    private static DatabaseBackupBlueprint Blueprint(string stack)
    {
        var loaded = new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles(stack);
        Assert.False(loaded.HasErrors, loaded.FormatErrors());
        return DatabaseBackupBlueprints.For(loaded.Definition!, DatabaseBlueprints.For(loaded.Definition!));
    }

    private static DatabaseBackupsArgs Args(DatabaseBackupBlueprint blueprint, string? withoutBackupRegion = null) => new()
    {
        Blueprint = blueprint,
        AwsProviders = blueprint.Regions.ToDictionary(r => r.Region, r => new Pulumi.Aws.Provider($"aws-{r.Region}", new Pulumi.Aws.ProviderArgs { Region = r.Region }), StringComparer.Ordinal),
        BackupAccountProviders = blueprint.Regions.Where(r => r.Region != withoutBackupRegion)
            .ToDictionary(r => r.Region, r => new Pulumi.Aws.Provider($"aws-backup-account-{r.Region}", new Pulumi.Aws.ProviderArgs { Region = r.Region }), StringComparer.Ordinal),
    };

    private static async Task<RecordingMocks> Deploy(string stack)
    {
        var mocks = new RecordingMocks();
        var blueprint = Blueprint(stack);
        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = stack }, () => _ = new DatabaseBackups("database-backups", Args(blueprint)));
        return mocks;
    }

    [Fact]
    public async Task Each_regions_plan_backs_up_into_its_vault_and_copies_to_the_backup_account_and_to_the_other_region()
    {
        var mocks = await Deploy("production");
        var blueprint = Blueprint("production");

        foreach (var region in blueprint.Regions)
        {
            var plan = mocks.Resource(Plan, $"database-backups-{region.Region}-plan");
            Assert.Contains($"aws-{region.Region}", plan.Provider, StringComparison.Ordinal);
            var rule = Map(Assert.Single(List(plan.Inputs["rules"])));
            Assert.Equal(region.VaultName, rule["targetVaultName"]);
            Assert.Equal("cron(30 5 ? * * *)", rule["schedule"]);
            Assert.Equal(365.0, Map(rule, "lifecycle")["deleteAfter"]);
            var copies = List(rule["copyActions"]).Select(Map).ToList();
            Assert.Equal([region.CopyVaultArn, region.CrossRegionVaultArn], copies.Select(c => c["destinationVaultArn"]));
            Assert.All(copies, c => Assert.Equal(365.0, Map(c, "lifecycle")["deleteAfter"]));
            var selection = mocks.Resource(Selection, $"database-backups-{region.Region}-selection");
            Assert.Equal([.. region.ClusterArns], List(selection.Inputs["resources"]).Cast<string>());
        }
    }

    [Fact]
    public async Task The_backup_accounts_vaults_are_locked_and_created_through_its_own_providers()
    {
        var mocks = await Deploy("production");

        foreach (var region in new[] { "eu-west-3", "eu-west-1" })
        {
            var copyVault = mocks.Resource(Vault, $"database-backups-{region}-copy-vault");
            Assert.Contains($"aws-backup-account-{region}", copyVault.Provider, StringComparison.Ordinal);
            var vaultLock = mocks.Resource(Lock, $"database-backups-{region}-copy-vault-lock");
            Assert.Contains($"aws-backup-account-{region}", vaultLock.Provider, StringComparison.Ordinal);
            Assert.Equal(3.0, vaultLock.Inputs["changeableForDays"]);
            Assert.Equal(365.0, vaultLock.Inputs["minRetentionDays"]);
            Assert.Equal(3650.0, vaultLock.Inputs["maxRetentionDays"]);
            var policy = mocks.Resource(VaultPolicy, $"database-backups-{region}-copy-vault-policy");
            using var document = JsonDocument.Parse((string)policy.Inputs["policy"]);
            Assert.Equal("backup:CopyIntoBackupVault", document.RootElement.GetProperty("Statement")[0].GetProperty("Action").GetString());
            var ownVault = mocks.Resource(Vault, $"database-backups-{region}-vault");
            Assert.Contains($"aws-{region}", ownVault.Provider, StringComparison.Ordinal);
            Assert.DoesNotContain("backup-account", ownVault.Provider, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Staging_locks_its_vaults_in_governance_mode()
    {
        var mocks = await Deploy("staging");

        Assert.All(mocks.OfType(Lock), l => Assert.False(l.Inputs.ContainsKey("changeableForDays")));
    }

    [Fact]
    public async Task A_missing_backup_account_provider_fails_naming_the_region()
    {
        var blueprint = Blueprint("staging");

        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() => _ = new DatabaseBackups("database-backups", Args(blueprint, withoutBackupRegion: "eu-west-1")));

        Assert.Contains("[BackupAccountProviders] has no provider for: eu-west-1", error.Message, StringComparison.Ordinal);
    }
}
