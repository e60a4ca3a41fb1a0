using System.Collections.Immutable;
using Infra.Blueprints.Account;
using Pulumi;
using AccessAnalyzer = Pulumi.Aws.AccessAnalyzer;
using Cfg = Pulumi.Aws.Cfg;
using CloudTrail = Pulumi.Aws.CloudTrail;
using Ebs = Pulumi.Aws.Ebs;
using Ec2 = Pulumi.Aws.Ec2;
using GuardDuty = Pulumi.Aws.GuardDuty;
using Iam = Pulumi.Aws.Iam;
using Kms = Pulumi.Aws.Kms;
using S3 = Pulumi.Aws.S3;
using SecurityHub = Pulumi.Aws.SecurityHub;

namespace Infra.Components.Account;

/// <summary>
/// An environment account's security baseline, mapped from its <see cref="AccountBaselineBlueprint"/>. Managed: the trail
/// (multi-region, log file validation) into a KMS-encrypted, versioned, object-locked bucket of the log archive account;
/// per region Config recording, GuardDuty, Security Hub with the CIS and PCI DSS standards, EBS encryption by default,
/// an access analyzer and the VPC's flow logs (into the same archive); once per account the S3 public access block and
/// the password policy. Central security account: nothing is created; GuardDuty and the enabled Security Hub standards of
/// each region are read with invokes, and so is the trail's bucket, which must belong to the log archive account and be
/// object-locked; <see cref="MissingCentralControls"/> lists what the security account does not run (each also logged as
/// an error, which fails the update).
/// </summary>
public sealed class AccountBaseline : ComponentResource
{
    public const string TypeToken = "infra:account:AccountBaseline";

    public AccountBaseline(string name, AccountBaselineArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var blueprint = RequiredArgs.Require(args.Blueprint, nameof(AccountBaselineArgs.Blueprint), "the baseline maps its blueprint");
        _ = RequiredArgs.Require(args.AwsProviders, nameof(AccountBaselineArgs.AwsProviders), "one Pulumi.Aws.Provider per region of the blueprint");
        var missing = blueprint.Regions.Select(r => r.Region).Where(r => !args.AwsProviders.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw RequiredArgs.Invalid($"[{nameof(AccountBaselineArgs.AwsProviders)}] has no provider for: {string.Join(", ", missing)}; the baseline needs one per region of its blueprint.");
        }

        if (blueprint.Mode == BaselineMode.CentralSecurityAccount)
        {
            MissingCentralControls = CheckCentralControls(blueprint, args.AwsProviders);
            TrailArn = Output.Create("");
        }
        else
        {
            var archive = RequiredArgs.Require(args.LogArchiveProvider, nameof(AccountBaselineArgs.LogArchiveProvider), "the log archive account keeps the trail's bucket and key");
            var (bucket, key) = CreateArchive(name, blueprint, archive, this);
            var home = args.AwsProviders[blueprint.Trail.HomeRegion];
            TrailArn = CreateTrail(name, blueprint, bucket, key, home, this).Arn;
            foreach (var region in blueprint.Regions)
            {
                CreateRegionalControls($"{name}-{region.Region}", blueprint, region, bucket, new CustomResourceOptions { Parent = this, Provider = args.AwsProviders[region.Region] });
            }

            CreateAccountControls(name, blueprint, new CustomResourceOptions { Parent = this, Provider = home });
            MissingCentralControls = Output.Create(ImmutableArray<string>.Empty);
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["trailArn"] = TrailArn,
            ["missingCentralControls"] = MissingCentralControls,
        });
    }

    /// <summary>The trail's ARN; empty in central mode.</summary>
    [Output("trailArn")]
    public Output<string> TrailArn { get; private set; }

    /// <summary>In central mode, the controls the security account does not run for this account; empty otherwise.</summary>
    [Output("missingCentralControls")]
    public Output<ImmutableArray<string>> MissingCentralControls { get; private set; }

    private static (S3.Bucket Bucket, Kms.Key Key) CreateArchive(string name, AccountBaselineBlueprint blueprint, Pulumi.Aws.Provider archive, Resource parent)
    {
        var settings = blueprint.Bucket;
        var onArchive = new CustomResourceOptions { Parent = parent, Provider = archive, Protect = true };
        var key = CustomerKeys.Create($"{name}-trail-key", $"CloudTrail of account {blueprint.AccountId}", settings.KeyPolicy, settings.KeyDeletionWindowDays,
            ResourceTags.Map(blueprint.Tags), onArchive);
        var bucket = new S3.Bucket($"{name}-trail-bucket", new S3.BucketArgs
        {
            Bucket = settings.Name,
            ObjectLockEnabled = true,
            Tags = ResourceTags.Map(blueprint.Tags),
        }, onArchive);
        _ = new S3.BucketVersioning($"{name}-trail-bucket-versioning", new S3.BucketVersioningArgs
        {
            Bucket = bucket.Id,
            VersioningConfiguration = new S3.Inputs.BucketVersioningVersioningConfigurationArgs { Status = "Enabled" },
        }, onArchive);
        _ = new S3.BucketObjectLockConfiguration($"{name}-trail-bucket-lock", new S3.BucketObjectLockConfigurationArgs
        {
            Bucket = bucket.Id,
            Rule = new S3.Inputs.BucketObjectLockConfigurationRuleArgs
            {
                DefaultRetention = new S3.Inputs.BucketObjectLockConfigurationRuleDefaultRetentionArgs { Mode = settings.ObjectLockMode, Days = settings.ObjectLockDays },
            },
        }, onArchive);
        _ = new S3.BucketServerSideEncryptionConfiguration($"{name}-trail-bucket-encryption", new S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                    {
                        SseAlgorithm = "aws:kms",
                        KmsMasterKeyId = key.Arn,
                    },
                    BucketKeyEnabled = true,
                },
            },
        }, onArchive);
        _ = new S3.BucketPublicAccessBlock($"{name}-trail-bucket-public-access", new S3.BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, onArchive);
        _ = new S3.BucketPolicy($"{name}-trail-bucket-policy", new S3.BucketPolicyArgs { Bucket = bucket.Id, Policy = settings.BucketPolicy }, onArchive);
        return (bucket, key);
    }

    private static CloudTrail.Trail CreateTrail(string name, AccountBaselineBlueprint blueprint, S3.Bucket bucket, Kms.Key key, Pulumi.Aws.Provider home, Resource parent) =>
        new($"{name}-trail", new CloudTrail.TrailArgs
        {
            Name = blueprint.Trail.Name,
            S3BucketName = bucket.Id,
            IsMultiRegionTrail = blueprint.Trail.IsMultiRegion,
            EnableLogFileValidation = blueprint.Trail.LogFileValidation,
            IncludeGlobalServiceEvents = blueprint.Trail.IncludeGlobalServiceEvents,
            KmsKeyId = key.Arn,
            AdvancedEventSelectors = blueprint.Trail.EventSelectors.Select(selector => new CloudTrail.Inputs.TrailAdvancedEventSelectorArgs
            {
                Name = selector.Name,
                FieldSelectors = selector.FieldEquals.Select(field => new CloudTrail.Inputs.TrailAdvancedEventSelectorFieldSelectorArgs
                {
                    Field = field.Key,
                    Equals = field.Value.ToList(),
                }).ToList(),
            }).ToList(),
            Tags = ResourceTags.Map(blueprint.Tags),
        }, new CustomResourceOptions { Parent = parent, Provider = home });

    private static void CreateRegionalControls(string prefix, AccountBaselineBlueprint blueprint, RegionalBaseline region, S3.Bucket archive, CustomResourceOptions onRegion)
    {
        var recorder = new Cfg.Recorder($"{prefix}-config", new Cfg.RecorderArgs
        {
            RoleArn = blueprint.ConfigRoleArn,
            RecordingGroup = new Cfg.Inputs.RecorderRecordingGroupArgs { AllSupported = true, IncludeGlobalResourceTypes = region.RecordGlobalResources },
        }, onRegion);
        var channel = new Cfg.DeliveryChannel($"{prefix}-config-delivery", new Cfg.DeliveryChannelArgs { S3BucketName = archive.Id }, With(onRegion, recorder));
        _ = new Cfg.RecorderStatus($"{prefix}-config-status", new Cfg.RecorderStatusArgs { Name = recorder.Name, IsEnabled = true }, With(onRegion, channel));
        _ = new GuardDuty.Detector($"{prefix}-guardduty", new GuardDuty.DetectorArgs { Enable = true, Tags = ResourceTags.Map(blueprint.Tags) }, onRegion);
        var hub = new SecurityHub.Account($"{prefix}-securityhub", new SecurityHub.AccountArgs { EnableDefaultStandards = false }, onRegion);
        foreach (var standard in region.SecurityHubStandardArns)
        {
            _ = new SecurityHub.StandardsSubscription($"{prefix}-{StandardName(standard)}", new SecurityHub.StandardsSubscriptionArgs { StandardsArn = standard }, With(onRegion, hub));
        }

        _ = new Ebs.EncryptionByDefault($"{prefix}-ebs-encryption", new Ebs.EncryptionByDefaultArgs { Enabled = true }, onRegion);
        _ = new AccessAnalyzer.Analyzer($"{prefix}-access-analyzer", new AccessAnalyzer.AnalyzerArgs
        {
            AnalyzerName = region.AccessAnalyzerName,
            Type = "ACCOUNT",
            Tags = ResourceTags.Map(blueprint.Tags),
        }, onRegion);
        _ = new Ec2.FlowLog($"{prefix}-flow-log", new Ec2.FlowLogArgs
        {
            VpcId = region.VpcId,
            TrafficType = region.FlowLogTrafficType,
            LogDestinationType = "s3",
            LogDestination = archive.Arn,
            Tags = ResourceTags.Map(blueprint.Tags),
        }, onRegion);
    }

    private static void CreateAccountControls(string name, AccountBaselineBlueprint blueprint, CustomResourceOptions onHome)
    {
        _ = new S3.AccountPublicAccessBlock($"{name}-s3-public-access", new S3.AccountPublicAccessBlockArgs
        {
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, onHome);
        var policy = blueprint.PasswordPolicy;
        _ = new Iam.AccountPasswordPolicy($"{name}-password-policy", new Iam.AccountPasswordPolicyArgs
        {
            MinimumPasswordLength = policy.MinimumLength,
            PasswordReusePrevention = policy.ReusePrevention,
            MaxPasswordAge = policy.MaximumAgeDays,
            RequireSymbols = policy.RequireSymbols,
            RequireNumbers = policy.RequireNumbers,
            RequireUppercaseCharacters = policy.RequireUppercase,
            RequireLowercaseCharacters = policy.RequireLowercase,
            AllowUsersToChangePassword = true,
        }, onHome);
    }

    /// <summary>
    /// Reads, in each region, GuardDuty, the enabled Security Hub standards, EBS encryption by default and whether Security
    /// Hub evaluates the <see cref="AccountBaselineBlueprint.CentralControls"/> under CIS; once, the S3 account public access
    /// block. What is missing is returned and logged as an error, which fails the update.
    /// </summary>
    private Output<ImmutableArray<string>> CheckCentralControls(AccountBaselineBlueprint blueprint, IReadOnlyDictionary<string, Pulumi.Aws.Provider> providers)
    {
        var home = blueprint.Trail.HomeRegion;
        var checks = blueprint.Regions.Select(region => CheckRegion(blueprint, region, new InvokeOptions { Parent = this, Provider = providers[region.Region] }, region.Region == home))
            .Append(CheckAccountPublicAccessBlock(blueprint, new InvokeOptions { Parent = this, Provider = providers[home] }))
            .Append(Output.Create(CheckTrailBucketAsync(blueprint.Bucket, new InvokeOptions { Parent = this, Provider = providers[home] })))
            .ToList();
        return Output.All(checks).Apply(all =>
        {
            var gaps = all.SelectMany(g => g).ToImmutableArray();
            foreach (var gap in gaps)
            {
                Log.Error($"account baseline (central security account): {gap}", this);
            }

            return gaps;
        });
    }

    private static Output<List<string>> CheckRegion(AccountBaselineBlueprint blueprint, RegionalBaseline region, InvokeOptions invoke, bool isHome)
    {
        var detector = GuardDuty.GetDetector.Invoke(new GuardDuty.GetDetectorInvokeArgs(), invoke);
        var standards = SecurityHub.GetEnabledStandards.Invoke(new SecurityHub.GetEnabledStandardsInvokeArgs(), invoke);
        var ebs = Ebs.GetEncryptionByDefault.Invoke(new Ebs.GetEncryptionByDefaultInvokeArgs(), invoke);
        var cis = StandardPath(region.CentralControlsStandardArn);
        var controls = blueprint.CentralControls.Where(c => isHome || !c.Global)
            .Select(control => SecurityHub.GetStandardsControlAssociations.Invoke(
                new SecurityHub.GetStandardsControlAssociationsInvokeArgs { SecurityControlId = control.SecurityControlId }, invoke)
                .Apply(found => found.StandardsControlAssociations.Any(a => IsStandard(a.StandardsArn, cis) && a.AssociationStatus == "ENABLED")
                    ? null : $"{region.Region}: Security Hub does not evaluate {control.SecurityControlId} ({control.Evidences}) under {cis}"))
            .ToList();
        return Output.Tuple(detector, standards, ebs, Output.All(controls)).Apply(found =>
        {
            var gaps = new List<string>();
            if (found.Item1.Status != "ENABLED")
            {
                gaps.Add($"{region.Region}: GuardDuty detector is {found.Item1.Status}, not ENABLED");
            }

            var enabled = found.Item2.StandardsSubscriptions.Select(s => s.StandardsSubscriptionArn).ToHashSet(StringComparer.Ordinal);
            gaps.AddRange(region.SecurityHubStandardArns.Where(s => !enabled.Any(e => e.EndsWith("subscription/" + StandardPath(s), StringComparison.Ordinal)))
                .Select(s => $"{region.Region}: Security Hub standard {s} is not enabled"));
            if (!found.Item3.Enabled)
            {
                gaps.Add($"{region.Region}: EBS encryption by default is off");
            }

            gaps.AddRange(found.Item4.OfType<string>());
            return gaps;
        });
    }

    private static Output<List<string>> CheckAccountPublicAccessBlock(AccountBaselineBlueprint blueprint, InvokeOptions invoke) =>
        S3.GetAccountPublicAccessBlock.Invoke(new S3.GetAccountPublicAccessBlockInvokeArgs { AccountId = blueprint.AccountId }, invoke).Apply(block =>
            new (string Name, bool On)[]
            {
                ("blockPublicAcls", block.BlockPublicAcls), ("blockPublicPolicy", block.BlockPublicPolicy),
                ("ignorePublicAcls", block.IgnorePublicAcls), ("restrictPublicBuckets", block.RestrictPublicBuckets),
            }.Where(s => !s.On).Select(s => $"account {blueprint.AccountId}: the S3 account public access block has {s.Name} off").ToList());

    /// <summary>
    /// The trail's bucket belongs to the log archive account: S3 answers a request that names the expected owner only when
    /// that account owns the bucket (403 otherwise). Its default object lock must be the one the managed mode sets.
    /// </summary>
    private static async Task<List<string>> CheckTrailBucketAsync(LogArchiveBucket bucket, InvokeOptions invoke)
    {
        S3.GetBucketObjectLockConfigurationResult found;
        try
        {
            found = await S3.GetBucketObjectLockConfiguration.InvokeAsync(
                new S3.GetBucketObjectLockConfigurationArgs { Bucket = bucket.Name, ExpectedBucketOwner = bucket.AccountId }, invoke).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [$"the trail's bucket {bucket.Name} (infra:accountBaseline.trailBucket) is not shown to belong to the log archive account {bucket.AccountId} "
                + $"(infra:accountBaseline.logArchiveAccountId): S3 refused to read its object lock configuration with that expected owner ({e.Message}). "
                + "Name the bucket the organization trail writes to, and let this account's deploy roles call s3:GetBucketObjectLockConfiguration on it"];
        }

        var retention = found.Rules.SelectMany(r => r.DefaultRetentions).FirstOrDefault();
        var days = retention is null ? 0 : retention.Days + (365 * retention.Years);
        return found.ObjectLockEnabled == "Enabled" && retention?.Mode == bucket.ObjectLockMode && days >= bucket.ObjectLockDays
            ? []
            : [$"the trail's bucket {bucket.Name} in the log archive account {bucket.AccountId} has object lock {found.ObjectLockEnabled}"
                + (retention is null ? " with no default retention" : $" with a default retention of {retention.Mode} {days} days")
                + $"; expected {bucket.ObjectLockMode} for at least {bucket.ObjectLockDays} days, so no one can erase a year of trail"];
    }

    /// <summary>Whether a standard's ARN (<c>arn:aws:securityhub:eu-west-3::standards/...</c>) is the standard with this path.</summary>
    private static bool IsStandard(string arn, string path) => arn.Contains("standards/", StringComparison.Ordinal) && StandardPath(arn) == path;

    private static CustomResourceOptions With(CustomResourceOptions options, Resource dependency) =>
        new() { Parent = options.Parent, Provider = options.Provider, DependsOn = { dependency } };

    /// <summary><c>arn:aws:securityhub:eu-west-3::standards/pci-dss/v/4.0.1</c> → <c>pci-dss/v/4.0.1</c>, as a subscription ARN ends.</summary>
    private static string StandardPath(string arn) => arn[(arn.IndexOf("standards/", StringComparison.Ordinal) + "standards/".Length)..];

    /// <summary><c>arn:aws:securityhub:eu-west-3::standards/pci-dss/v/4.0.1</c> → <c>pci-dss</c>, for the child's name.</summary>
    private static string StandardName(string arn) => StandardPath(arn).Split('/')[0];
}
