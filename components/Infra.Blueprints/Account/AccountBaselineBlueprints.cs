using System.Text.Json.Nodes;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Account;

/// <summary>Every decision of the account baseline, from the stack definition and the accounts.</summary>
public static class AccountBaselineBlueprints
{
    /// <summary>PCI DSS 10.5.1 keeps a year of audit trail; object lock makes it immutable for that year.</summary>
    public const int TrailRetentionDays = 365;

    public static AccountBaselineBlueprint For(StackDefinition definition, AccountBaselineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        var environment = ValueReader.EnumName(definition.Environment);
        var home = definition.Regions.Primary;
        var trailName = $"{environment}-account-trail";
        var account = definition.AwsAccountId;
        var trailArn = $"arn:aws:cloudtrail:{home}:{account}:trail/{trailName}";
        var bucketName = settings.TrailBucket ?? $"example-bank-{environment}-cloudtrail-{account}";
        var regions = definition.Networks
            .Select(n => new RegionalBaseline(
                n.Region,
                n.VpcId,
                RecordGlobalResources: n.Region == home,
                [StandardArn(n.Region, "cis-aws-foundations-benchmark/v/3.0.0"), StandardArn(n.Region, "pci-dss/v/4.0.1")],
                FlowLogTrafficType: "ALL",
                AccessAnalyzerName: $"{environment}-{n.Region}")
            {
                CentralControlsStandardArn = StandardArn(n.Region, "cis-aws-foundations-benchmark/v/3.0.0"),
            })
            .OrderBy(r => r.Region == home ? 0 : 1)
            .ThenBy(r => r.Region, StringComparer.Ordinal)
            .ToList();
        return new AccountBaselineBlueprint(
            settings.Mode,
            account,
            $"arn:aws:iam::{account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
            new TrailSettings(trailName, home, IsMultiRegion: true, LogFileValidation: true, IncludeGlobalServiceEvents: true, TrailEvents),
            Archive(bucketName, trailArn, account, settings),
            [.. regions],
            new PasswordPolicy(MinimumLength: 14, ReusePrevention: 24, MaximumAgeDays: 90, RequireSymbols: true, RequireNumbers: true, RequireUppercase: true, RequireLowercase: true),
            StandardTags.For("account-baseline", "platform", DataClassification.Confidential, definition))
        {
            CentralControls = CentralControls,
        };
    }

    /// <summary>Security Hub's controls for what the managed mode would create and no lookup can read (CIS AWS 3.0.0 clause in the comment).</summary>
    private static readonly EquatableList<CentralControl> CentralControls =
    [
        new("CloudTrail.1", "a multi-region trail with management events", Global: true),    // 3.1
        new("CloudTrail.4", "log file validation of the trail", Global: true),                // 3.2
        new("Config.1", "AWS Config recording", Global: false),                               // 3.3
        new("EC2.6", "flow logs of every VPC", Global: false),                                // 3.7
        new("IAM.15", "a password policy of 14 characters or more", Global: true),           // 1.8
        new("IAM.16", "a password policy that prevents reuse", Global: true),                 // 1.9
        new("IAM.28", "an external-access analyzer", Global: false),                          // 1.20
    ];

    /// <summary>Advanced selectors replace the default one, so management events are selected again beside the S3 object data events.</summary>
    private static readonly IReadOnlyList<TrailEventSelector> TrailEvents =
    [
        new("Management events", [new("eventCategory", ["Management"])]),
        new("S3 object reads and writes", [new("eventCategory", ["Data"]), new("resources.type", ["AWS::S3::Object"])]),
    ];

    private static LogArchiveBucket Archive(string bucketName, string trailArn, string account, AccountBaselineSettings settings)
    {
        var archiveRoot = $"arn:aws:iam::{settings.LogArchiveAccountId}:root";
        var fromTrail = new JsonObject { ["StringEquals"] = new JsonObject { ["aws:SourceArn"] = trailArn } };
        var keyPolicy = Document(
            Statement("ArchiveAdministers", archiveRoot, ["kms:*"], "*", null),
            Statement("TrailEncrypts", null, ["kms:GenerateDataKey*", "kms:DescribeKey"], "*", fromTrail, service: "cloudtrail.amazonaws.com"));
        var bucketArn = $"arn:aws:s3:::{bucketName}";
        var bucketPolicy = Document(
            Statement("TrailReadsAcl", null, ["s3:GetBucketAcl"], bucketArn, fromTrail, service: "cloudtrail.amazonaws.com"),
            Statement("TrailWrites", null, ["s3:PutObject"], $"{bucketArn}/AWSLogs/{account}/*", fromTrail, service: "cloudtrail.amazonaws.com"),
            new JsonObject
            {
                ["Sid"] = "TlsOnly",
                ["Effect"] = "Deny",
                ["Principal"] = "*",
                ["Action"] = "s3:*",
                ["Resource"] = new JsonArray(bucketArn, $"{bucketArn}/*"),
                ["Condition"] = new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" } },
            });
        return new LogArchiveBucket(bucketName, settings.LogArchiveAccountId, "COMPLIANCE", TrailRetentionDays, KeyDeletionWindowDays: 30, keyPolicy, bucketPolicy);
    }

    private static JsonObject Statement(string sid, string? account, string[] actions, string resource, JsonObject? condition, string? service = null)
    {
        var statement = new JsonObject
        {
            ["Sid"] = sid,
            ["Effect"] = "Allow",
            ["Principal"] = service is null ? new JsonObject { ["AWS"] = account! } : new JsonObject { ["Service"] = service },
            ["Action"] = new JsonArray([.. actions.Select(a => JsonValue.Create(a))]),
            ["Resource"] = resource,
        };
        if (condition is not null)
        {
            // A node has one parent: each statement gets its own copy of a shared condition.
            statement["Condition"] = condition.DeepClone();
        }

        return statement;
    }

    private static string Document(params JsonObject[] statements) =>
        new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray([.. statements]) }.ToJsonString();

    private static string StandardArn(string region, string standard) => $"arn:aws:securityhub:{region}::standards/{standard}";
}
