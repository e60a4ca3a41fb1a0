using System.Collections.Immutable;
using Infra.Blueprints.Backups;
using Pulumi;
using Backup = Pulumi.Aws.Backup;
using Iam = Pulumi.Aws.Iam;

namespace Infra.Components.Backups;

/// <summary>
/// AWS Backup of a stack's databases, mapped one for one from its <see cref="DatabaseBackupBlueprint"/>:
/// AWS Backup's role in the environment's account and, per region, the environment's vault and key,
/// the plan with its two copies and the selection of the region's clusters; in the backup account,
/// per region, the locked vault, its key and its vault policy. Outputs: <see cref="PlanIds"/>.
/// </summary>
public sealed class DatabaseBackups : ComponentResource
{
    public const string TypeToken = "infra:backup:DatabaseBackups";

    public DatabaseBackups(string name, DatabaseBackupsArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var blueprint = RequiredArgs.Require(args.Blueprint, nameof(DatabaseBackupsArgs.Blueprint), "the backups map their blueprint");
        _ = RequiredArgs.Require(args.AwsProviders, nameof(DatabaseBackupsArgs.AwsProviders), "one Pulumi.Aws.Provider per region of the environment's account");
        _ = RequiredArgs.Require(args.BackupAccountProviders, nameof(DatabaseBackupsArgs.BackupAccountProviders), "one Pulumi.Aws.Provider per region of the backup account");
        foreach (var (providers, key) in new[] { (args.AwsProviders, nameof(DatabaseBackupsArgs.AwsProviders)), (args.BackupAccountProviders, nameof(DatabaseBackupsArgs.BackupAccountProviders)) })
        {
            var missing = blueprint.Regions.Select(r => r.Region).Where(r => !providers.ContainsKey(r)).ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException($"[{key}] has no provider for: {string.Join(", ", missing)}; the backups need one per region of their blueprint.", nameof(args));
            }
        }
        var tags = ResourceTags.Map(blueprint.Tags);
        var role = CreateServiceRole(name, blueprint, args.AwsProviders[blueprint.Regions[0].Region], this);

        // Every vault first: each plan copies into the backup account's vault and into the other region's.
        var vaults = new List<Resource>();
        foreach (var region in blueprint.Regions)
        {
            var prefix = $"{name}-{region.Region}";
            var onAws = new CustomResourceOptions { Parent = this, Provider = args.AwsProviders[region.Region] };
            var key = CustomerKeys.Create($"{prefix}-key", region.VaultKeyDescription, region.VaultKeyPolicy, blueprint.KmsDeletionWindowDays, tags, onAws);
            vaults.Add(new Backup.Vault($"{prefix}-vault", new Backup.VaultArgs { Name = region.VaultName, KmsKeyArn = key.Arn, Tags = tags }, onAws));
            vaults.Add(CreateCopyVault(prefix, blueprint, region, args.BackupAccountProviders[region.Region], this));
        }

        var planIds = new List<Output<string>>();
        foreach (var region in blueprint.Regions)
        {
            var prefix = $"{name}-{region.Region}";
            var onAws = new CustomResourceOptions { Parent = this, Provider = args.AwsProviders[region.Region], DependsOn = vaults };
            var lifecycle = new Backup.Inputs.PlanRuleLifecycleArgs { DeleteAfter = blueprint.RetentionDays };
            var plan = new Backup.Plan($"{prefix}-plan", new Backup.PlanArgs
            {
                Name = region.PlanName,
                Rules =
                {
                    new Backup.Inputs.PlanRuleArgs
                    {
                        RuleName = region.RuleName,
                        TargetVaultName = region.VaultName,
                        Schedule = blueprint.Schedule,
                        StartWindow = blueprint.StartWindowMinutes,
                        CompletionWindow = blueprint.CompletionWindowMinutes,
                        Lifecycle = lifecycle,
                        CopyActions =
                        {
                            new Backup.Inputs.PlanRuleCopyActionArgs { DestinationVaultArn = region.CopyVaultArn, Lifecycle = new Backup.Inputs.PlanRuleCopyActionLifecycleArgs { DeleteAfter = blueprint.RetentionDays } },
                            new Backup.Inputs.PlanRuleCopyActionArgs { DestinationVaultArn = region.CrossRegionVaultArn, Lifecycle = new Backup.Inputs.PlanRuleCopyActionLifecycleArgs { DeleteAfter = blueprint.RetentionDays } },
                        },
                    },
                },
                Tags = tags,
            }, onAws);
            _ = new Backup.Selection($"{prefix}-selection", new Backup.SelectionArgs
            {
                Name = region.SelectionName,
                PlanId = plan.Id,
                IamRoleArn = role.Arn,
                Resources = region.ClusterArns.ToList(),
            }, new CustomResourceOptions { Parent = this, Provider = args.AwsProviders[region.Region], DependsOn = [.. args.DatabasesDependOn] });
            planIds.Add(plan.Id);
        }

        PlanIds = Output.All(planIds);
        RegisterOutputs(new Dictionary<string, object?> { ["planIds"] = PlanIds });
    }

    /// <summary>The role AWS Backup takes to back up and copy, with AWS's managed policy for it.</summary>
    private static Iam.Role CreateServiceRole(string name, DatabaseBackupBlueprint blueprint, Pulumi.Aws.Provider aws, Resource parent)
    {
        var onAws = new CustomResourceOptions { Parent = parent, Provider = aws };
        var role = new Iam.Role($"{name}-role", new Iam.RoleArgs
        {
            Name = blueprint.ServiceRoleName,
            AssumeRolePolicy = blueprint.ServiceRoleTrustPolicy,
            Tags = ResourceTags.Map(blueprint.Tags),
        }, onAws);
        for (var i = 0; i < blueprint.ServiceRolePolicyArns.Count; i++)
        {
            _ = new Iam.RolePolicyAttachment($"{name}-role-{i + 1}", new Iam.RolePolicyAttachmentArgs { Role = role.Name, PolicyArn = blueprint.ServiceRolePolicyArns[i] }, onAws);
        }
        return role;
    }

    /// <summary>The backup account's vault of the region: its own key, the vault lock, and the policy that admits the environment's copies.</summary>
    private static Backup.Vault CreateCopyVault(string prefix, DatabaseBackupBlueprint blueprint, BackupRegionBlueprint region, Pulumi.Aws.Provider backupAccount, Resource parent)
    {
        var tags = ResourceTags.Map(blueprint.Tags);
        var onBackupAccount = new CustomResourceOptions { Parent = parent, Provider = backupAccount };
        var key = CustomerKeys.Create($"{prefix}-copy-key", region.CopyVaultKeyDescription, region.CopyVaultKeyPolicy, blueprint.KmsDeletionWindowDays, tags, onBackupAccount);
        var vault = new Backup.Vault($"{prefix}-copy-vault", new Backup.VaultArgs { Name = region.CopyVaultName, KmsKeyArn = key.Arn, Tags = tags }, onBackupAccount);
        _ = new Backup.VaultLockConfiguration($"{prefix}-copy-vault-lock", new Backup.VaultLockConfigurationArgs
        {
            BackupVaultName = vault.Name,
            ChangeableForDays = blueprint.Lock.ChangeableForDays,
            MinRetentionDays = blueprint.Lock.MinRetentionDays,
            MaxRetentionDays = blueprint.Lock.MaxRetentionDays,
        }, onBackupAccount);
        _ = new Backup.VaultPolicy($"{prefix}-copy-vault-policy", new Backup.VaultPolicyArgs
        {
            BackupVaultName = vault.Name,
            Policy = region.CopyVaultPolicy,
        }, onBackupAccount);
        return vault;
    }

    /// <summary>The plan of each region, primary first.</summary>
    [Output("planIds")]
    public Output<ImmutableArray<string>> PlanIds { get; private set; }
}
