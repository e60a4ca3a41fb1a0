using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Infra.Blueprints.Account;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Components.Account;
using Infra.Components.Tests.Support;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Infra.Components.Tests.Account;

public sealed class AccountBaselineTests
{
    private const string AccountId = "444455556666"; // infra:awsAccountId of Pulumi.production.yaml
    private const string LogArchiveAccountId = "777788889999";
    private const string OrganizationTrailBucket = "example-bank-organization-trail";

    private static readonly string[] PublicAccessSwitches = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    private static readonly StackDefinition Production =
        new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("production").Definition!;

    [Fact]
    public async Task Managed_baseline_creates_a_multi_region_validated_trail_into_the_locked_archive()
    {
        var mocks = new RecordingMocks();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "production" }, () => Build(BaselineMode.Managed));

        var trail = Assert.Single(mocks.OfType("aws:cloudtrail/trail:Trail"));
        Assert.Equal(true, trail.Inputs["isMultiRegionTrail"]);
        Assert.Equal(true, trail.Inputs["enableLogFileValidation"]);
        Assert.Equal(true, trail.Inputs["includeGlobalServiceEvents"]);
        Assert.Equal(RecordingMocks.ArnOf("baseline-trail-key"), trail.Inputs["kmsKeyId"]);
        Assert.Equal("eu-west-3", Region(mocks, trail));
        var bucket = Assert.Single(mocks.OfType("aws:s3/bucket:Bucket"));
        Assert.Equal(true, bucket.Inputs["objectLockEnabled"]);
        Assert.Equal("archive", ProviderName(bucket));
        var lockRule = (IReadOnlyDictionary<string, object>)((IReadOnlyDictionary<string, object>)Assert.Single(mocks.OfType("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration")).Inputs["rule"])["defaultRetention"];
        Assert.Equal(("COMPLIANCE", 365), ((string)lockRule["mode"], Convert.ToInt32(lockRule["days"], CultureInfo.InvariantCulture)));
        Assert.Equal("Enabled", ((IReadOnlyDictionary<string, object>)Assert.Single(mocks.OfType("aws:s3/bucketVersioning:BucketVersioning")).Inputs["versioningConfiguration"])["status"]);
        Assert.Single(mocks.OfType("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"));
        Assert.Single(mocks.OfType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"));
    }

    [Fact]
    public async Task Managed_baseline_runs_the_regional_controls_in_every_region_of_the_stack()
    {
        var mocks = new RecordingMocks();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "production" }, () => Build(BaselineMode.Managed));

        var regions = Production.Networks.Select(n => n.Region).Order(StringComparer.Ordinal).ToList();
        foreach (var type in new[]
        {
            "aws:cfg/recorder:Recorder", "aws:cfg/deliveryChannel:DeliveryChannel", "aws:cfg/recorderStatus:RecorderStatus",
            "aws:guardduty/detector:Detector", "aws:securityhub/account:Account", "aws:ebs/encryptionByDefault:EncryptionByDefault",
            "aws:accessanalyzer/analyzer:Analyzer", "aws:ec2/flowLog:FlowLog",
        })
        {
            Assert.Equal(regions, mocks.OfType(type).Select(r => Region(mocks, r)).Order(StringComparer.Ordinal).ToList());
        }

        var standards = mocks.OfType("aws:securityhub/standardsSubscription:StandardsSubscription").Select(s => (string)s.Inputs["standardsArn"]).ToList();
        Assert.Equal(2 * regions.Count, standards.Count);
        Assert.Contains("arn:aws:securityhub:eu-west-3::standards/cis-aws-foundations-benchmark/v/3.0.0", standards);
        Assert.Contains("arn:aws:securityhub:eu-west-1::standards/pci-dss/v/4.0.1", standards);
        Assert.Equal(Production.Networks.Select(n => n.VpcId).Order(StringComparer.Ordinal), mocks.OfType("aws:ec2/flowLog:FlowLog").Select(f => (string)f.Inputs["vpcId"]).Order(StringComparer.Ordinal));
        Assert.All(mocks.OfType("aws:ec2/flowLog:FlowLog"), f => Assert.Equal("ALL", f.Inputs["trafficType"]));
        var recorders = mocks.OfType("aws:cfg/recorder:Recorder").ToDictionary(r => Region(mocks, r), r => (IReadOnlyDictionary<string, object>)r.Inputs["recordingGroup"], StringComparer.Ordinal);
        Assert.Equal(true, recorders["eu-west-3"]["includeGlobalResourceTypes"]);
        Assert.Equal(false, recorders["eu-west-1"]["includeGlobalResourceTypes"]);
    }

    [Fact]
    public async Task Managed_baseline_sets_the_account_wide_controls_once()
    {
        var mocks = new RecordingMocks();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "production" }, () => Build(BaselineMode.Managed));

        var block = Assert.Single(mocks.OfType("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"));
        Assert.All(PublicAccessSwitches, k => Assert.Equal(true, block.Inputs[k]));
        var password = Assert.Single(mocks.OfType("aws:iam/accountPasswordPolicy:AccountPasswordPolicy"));
        Assert.Equal(14, Convert.ToInt32(password.Inputs["minimumPasswordLength"], CultureInfo.InvariantCulture));
        Assert.Equal(24, Convert.ToInt32(password.Inputs["passwordReusePrevention"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_archive_key_and_bucket_let_only_this_accounts_trail_write()
    {
        var mocks = new RecordingMocks();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "production" }, () => Build(BaselineMode.Managed));

        using var bucketPolicy = JsonDocument.Parse((string)Assert.Single(mocks.OfType("aws:s3/bucketPolicy:BucketPolicy")).Inputs["policy"]);
        var statements = bucketPolicy.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        var write = statements.Single(s => s.GetProperty("Sid").GetString() == "TrailWrites");
        Assert.Equal($"arn:aws:s3:::example-bank-production-cloudtrail-{AccountId}/AWSLogs/{AccountId}/*", write.GetProperty("Resource").GetString());
        Assert.Equal($"arn:aws:cloudtrail:eu-west-3:{AccountId}:trail/production-account-trail",
            write.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceArn").GetString());
        Assert.Contains(statements, s => s.GetProperty("Effect").GetString() == "Deny" && s.GetProperty("Sid").GetString() == "TlsOnly");
        using var keyPolicy = JsonDocument.Parse((string)Assert.Single(mocks.OfType("aws:kms/key:Key")).Inputs["policy"]);
        Assert.DoesNotContain(keyPolicy.RootElement.GetProperty("Statement").EnumerateArray(), s => s.GetProperty("Principal").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Central_mode_creates_nothing_and_reports_what_the_security_account_does_not_run()
    {
        var mocks = CentralSecurityAccount(disabledControl: "Config.1", ebsOffIn: "eu-west-1", publicAccessSwitchOff: "restrictPublicBuckets");

        var gaps = await CentralGapsAsync(mocks);

        Assert.DoesNotContain(mocks.Registered, r => r.Type is { } type && type.StartsWith("aws:", StringComparison.Ordinal) && !type.StartsWith("pulumi:providers", StringComparison.Ordinal));
        Assert.Contains("eu-west-1: GuardDuty detector is DISABLED, not ENABLED", gaps);
        Assert.Contains(gaps, g => g.StartsWith("eu-west-3: Security Hub standard", StringComparison.Ordinal) && g.EndsWith("pci-dss/v/4.0.1 is not enabled", StringComparison.Ordinal));
        Assert.DoesNotContain(gaps, g => g.StartsWith("eu-west-3: Security Hub standard", StringComparison.Ordinal) && g.Contains("cis-aws", StringComparison.Ordinal));
        Assert.Contains("eu-west-1: EBS encryption by default is off", gaps);
        Assert.DoesNotContain("eu-west-3: EBS encryption by default is off", gaps);
        Assert.Contains($"account {AccountId}: the S3 account public access block has restrictPublicBuckets off", gaps);
        Assert.Contains("eu-west-3: Security Hub does not evaluate Config.1 (AWS Config recording) under cis-aws-foundations-benchmark/v/3.0.0", gaps);
        Assert.Contains("eu-west-1: Security Hub does not evaluate Config.1 (AWS Config recording) under cis-aws-foundations-benchmark/v/3.0.0", gaps);
        Assert.DoesNotContain(gaps, g => g.Contains("CloudTrail.1", StringComparison.Ordinal) || g.Contains("IAM.15", StringComparison.Ordinal));
        Assert.DoesNotContain(gaps, g => g.Contains("trail's bucket", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Central_mode_reports_a_trail_bucket_outside_the_log_archive_account()
    {
        var mocks = CentralSecurityAccount(disabledControl: null, ebsOffIn: null, publicAccessSwitchOff: null, allStandards: true, bucketOwner: AccountId);

        var gaps = await CentralGapsAsync(mocks);

        var gap = Assert.Single(gaps);
        Assert.StartsWith($"the trail's bucket {OrganizationTrailBucket} (infra:accountBaseline.trailBucket) is not shown to belong to the log archive account {LogArchiveAccountId} (infra:accountBaseline.logArchiveAccountId)", gap, StringComparison.Ordinal);
        var asked = Assert.Single(mocks.Calls, c => c.Token == "aws:s3/getBucketObjectLockConfiguration:getBucketObjectLockConfiguration");
        Assert.Equal((OrganizationTrailBucket, LogArchiveAccountId, "eu-west-3"), ((string)asked.Args["bucket"], (string)asked.Args["expectedBucketOwner"], RegionOf(asked)));
    }

    [Theory]
    [InlineData("GOVERNANCE", 365, 0)]
    [InlineData("COMPLIANCE", 90, 0)]
    [InlineData(null, 0, 0)]
    public async Task Central_mode_reports_a_trail_bucket_whose_lock_someone_could_lift_or_that_keeps_less_than_a_year(string? mode, int days, int years)
    {
        var mocks = CentralSecurityAccount(disabledControl: null, ebsOffIn: null, publicAccessSwitchOff: null, allStandards: true, bucketLock: (mode, days, years));

        var gaps = await CentralGapsAsync(mocks);

        var gap = Assert.Single(gaps);
        Assert.StartsWith($"the trail's bucket {OrganizationTrailBucket} in the log archive account {LogArchiveAccountId} has object lock", gap, StringComparison.Ordinal);
        Assert.EndsWith("expected COMPLIANCE for at least 365 days, so no one can erase a year of trail", gap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Central_mode_accepts_a_lock_stated_in_years()
    {
        var gaps = await CentralGapsAsync(CentralSecurityAccount(disabledControl: null, ebsOffIn: null, publicAccessSwitchOff: null, allStandards: true, bucketLock: ("COMPLIANCE", 0, 1)));

        Assert.Empty(gaps);
    }

    [Fact]
    public async Task Central_mode_passes_when_the_security_account_runs_everything()
    {
        var gaps = await CentralGapsAsync(CentralSecurityAccount(disabledControl: null, ebsOffIn: null, publicAccessSwitchOff: null, allStandards: true));

        Assert.Empty(gaps);
    }

    [Fact]
    public async Task Central_mode_checks_global_controls_once_in_the_home_region_and_regional_ones_everywhere()
    {
        var mocks = CentralSecurityAccount(disabledControl: null, ebsOffIn: null, publicAccessSwitchOff: null, allStandards: true);

        await CentralGapsAsync(mocks);

        var asked = mocks.Calls.Where(c => c.Token == "aws:securityhub/getStandardsControlAssociations:getStandardsControlAssociations")
            .Select(c => $"{RegionOf(c)} {c.Args["securityControlId"]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "eu-west-1 Config.1", "eu-west-1 EC2.6", "eu-west-1 IAM.28",
            "eu-west-3 CloudTrail.1", "eu-west-3 CloudTrail.4", "eu-west-3 Config.1", "eu-west-3 EC2.6", "eu-west-3 IAM.15", "eu-west-3 IAM.16", "eu-west-3 IAM.28",
        ], asked);
        Assert.Single(mocks.Calls, c => c.Token == "aws:s3/getAccountPublicAccessBlock:getAccountPublicAccessBlock" && (string)c.Args["accountId"] == AccountId);
    }

    /// <summary>
    /// A security account as the lookups see it: GuardDuty off in eu-west-1, only CIS enabled (unless all), one control not
    /// evaluated under CIS; the trail's bucket owned by <paramref name="bucketOwner"/> (S3 refuses a request that expects
    /// another owner) and locked as <paramref name="bucketLock"/> says (COMPLIANCE for 365 days unless given).
    /// </summary>
    private static RecordingMocks CentralSecurityAccount(string? disabledControl, string? ebsOffIn, string? publicAccessSwitchOff, bool allStandards = false,
        string bucketOwner = LogArchiveAccountId, (string? Mode, int Days, int Years)? bucketLock = null) => new RecordingMocks()
        .Answer("aws:guardduty/getDetector:getDetector", call => ImmutableDictionary<string, object>.Empty
            .Add("id", "detector").Add("status", !allStandards && RegionOf(call) == "eu-west-1" ? "DISABLED" : "ENABLED")
            .Add("findingPublishingFrequency", "SIX_HOURS").Add("serviceRoleArn", "").Add("tags", ImmutableDictionary<string, object>.Empty)
            .Add("features", ImmutableArray<object>.Empty).Add("arn", "").Add("accountId", AccountId).Add("region", ""))
        .Answer("aws:securityhub/getEnabledStandards:getEnabledStandards", call => ImmutableDictionary<string, object>.Empty
            .Add("id", "standards").Add("region", "")
            .Add("standardsSubscriptions", ImmutableArray.CreateRange(((string[])(allStandards ? ["cis-aws-foundations-benchmark/v/3.0.0", "pci-dss/v/4.0.1"] : ["cis-aws-foundations-benchmark/v/3.0.0"]))
                .Select(standard => (object)ImmutableDictionary<string, object>.Empty.Add("standardsArn", $"arn:aws:securityhub:{RegionOf(call)}::standards/{standard}")
                    .Add("standardsSubscriptionArn", $"arn:aws:securityhub:{RegionOf(call)}:{AccountId}:subscription/{standard}")
                    .Add("standardsInput", ImmutableDictionary<string, object>.Empty).Add("standardsStatus", "READY")))))
        .Answer("aws:securityhub/getStandardsControlAssociations:getStandardsControlAssociations", call => ImmutableDictionary<string, object>.Empty
            .Add("id", "associations").Add("securityControlId", call.Args["securityControlId"])
            .Add("standardsControlAssociations", ImmutableArray.Create<object>(
                Association(call, "pci-dss/v/4.0.1", "ENABLED"),
                Association(call, "cis-aws-foundations-benchmark/v/3.0.0", (string)call.Args["securityControlId"] == disabledControl ? "DISABLED" : "ENABLED"))))
        .Answer("aws:ebs/getEncryptionByDefault:getEncryptionByDefault", call => ImmutableDictionary<string, object>.Empty
            .Add("id", RegionOf(call)).Add("region", RegionOf(call)).Add("enabled", RegionOf(call) != ebsOffIn))
        .Answer("aws:s3/getAccountPublicAccessBlock:getAccountPublicAccessBlock", call => PublicAccessSwitches
            .Aggregate(ImmutableDictionary<string, object>.Empty.Add("id", AccountId).Add("accountId", call.Args["accountId"]), (result, name) => result.Add(name, name != publicAccessSwitchOff)))
        .Answer("aws:s3/getBucketObjectLockConfiguration:getBucketObjectLockConfiguration", call => (string)call.Args["expectedBucketOwner"] != bucketOwner
            ? throw new InvalidOperationException("operation error S3: GetObjectLockConfiguration, https response error StatusCode: 403, api error AccessDenied: Access Denied")
            : LockConfiguration(call, bucketLock ?? ("COMPLIANCE", 365, 0)));

    private static ImmutableDictionary<string, object> LockConfiguration(MockCallArgs call, (string? Mode, int Days, int Years) lockRule) => ImmutableDictionary<string, object>.Empty
        .Add("id", call.Args["bucket"]).Add("bucket", call.Args["bucket"]).Add("expectedBucketOwner", call.Args["expectedBucketOwner"]).Add("region", RegionOf(call))
        .Add("objectLockEnabled", lockRule.Mode is null ? "" : "Enabled")
        .Add("rules", lockRule.Mode is not { } mode ? ImmutableArray<object>.Empty : ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty
            .Add("defaultRetentions", ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty.Add("mode", mode).Add("days", lockRule.Days).Add("years", lockRule.Years)))));

    private static ImmutableDictionary<string, object> Association(MockCallArgs call, string standard, string status) => ImmutableDictionary<string, object>.Empty
        .Add("securityControlId", call.Args["securityControlId"]).Add("associationStatus", status)
        .Add("standardsArn", $"arn:aws:securityhub:{RegionOf(call)}::standards/{standard}")
        .Add("securityControlArn", "").Add("standardsControlTitle", "").Add("standardsControlDescription", "").Add("updatedAt", "").Add("updatedReason", "")
        .Add("relatedRequirements", ImmutableArray<object>.Empty);

    private static string RegionOf(MockCallArgs call) => RecordingMocks.ProviderId(call.Provider).Contains("eu-west-1", StringComparison.Ordinal) ? "eu-west-1" : "eu-west-3";

    private static async Task<ImmutableArray<string>> CentralGapsAsync(RecordingMocks mocks)
    {
        AccountBaseline? baseline = null;

        // The gaps are logged as errors, which fail the deployment; the output still holds them.
        return await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "production" }, () => baseline = Build(BaselineMode.CentralSecurityAccount))
            .ContinueWith(_ => OutputUtilities.GetValueAsync(baseline!.MissingCentralControls), TaskScheduler.Default).Unwrap();
    }

    [Fact]
    public async Task Managed_mode_without_the_log_archive_provider_names_the_field()
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
            _ = new AccountBaseline("baseline", new AccountBaselineArgs { Blueprint = Blueprint(BaselineMode.Managed), AwsProviders = Providers() }), "production");

        Assert.Contains("[LogArchiveProvider] is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_without_a_provider_is_named()
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
            _ = new AccountBaseline("baseline", new AccountBaselineArgs
            {
                Blueprint = Blueprint(BaselineMode.Managed),
                AwsProviders = Providers().Where(p => p.Key != "eu-west-1").ToDictionary(p => p.Key, p => p.Value),
                LogArchiveProvider = new Pulumi.Aws.Provider("archive", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" }),
            }), "production");

        Assert.Contains("[AwsProviders] has no provider for: eu-west-1", error.Message, StringComparison.Ordinal);
    }

    private static AccountBaselineBlueprint Blueprint(BaselineMode mode) =>
        AccountBaselineBlueprints.For(Production, new AccountBaselineSettings(mode, LogArchiveAccountId, mode == BaselineMode.CentralSecurityAccount ? OrganizationTrailBucket : null));

    private static Dictionary<string, Pulumi.Aws.Provider> Providers() =>
        Production.Networks.ToDictionary(n => n.Region, n => new Pulumi.Aws.Provider($"aws-{n.Region}", new Pulumi.Aws.ProviderArgs { Region = n.Region }), StringComparer.Ordinal);

    private static AccountBaseline Build(BaselineMode mode) =>
        new("baseline", new AccountBaselineArgs
        {
            Blueprint = Blueprint(mode),
            AwsProviders = Providers(),
            LogArchiveProvider = mode == BaselineMode.Managed ? new Pulumi.Aws.Provider("archive", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" }) : null,
        });

    private static string ProviderName(MockResourceArgs resource) => RecordingMocks.ProviderId(resource.Provider).Replace("-id", "", StringComparison.Ordinal);

    /// <summary>The region of a child, from the provider it was created through.</summary>
    private static string Region(RecordingMocks mocks, MockResourceArgs resource) =>
        (string)mocks.Registered.Single(p => p.Type == "pulumi:providers:aws" && RecordingMocks.IdOf(p.Name!) == RecordingMocks.ProviderId(resource.Provider)).Inputs["region"];
}
