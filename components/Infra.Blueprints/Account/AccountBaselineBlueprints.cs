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
        var bucketName = $"example-bank-{environment}-cloudtrail-{account}";
        var regions = definition.Networks
            .Select(n => new RegionalBaseline(
                n.Region,
                n.VpcId,
                RecordGlobalResources: n.Region == home,
                [StandardArn(n.Region, "cis-aws-foundations-benchmark/v/3.0.0"), StandardArn(n.Region, "pci-dss/v/4.0.1")],
                FlowLogTrafficType: "ALL",
                AccessAnalyzerName: $"{environment}-{n.Region}"))
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
            StandardTags.For("account-baseline", "platform", DataClassification.Confidential, definition));
    }

    /// <summary>Advanced selectors replace the default one, so management events are selected again beside the S3 object data events.</summary>
    private static readonly IReadOnlyList<TrailEventSelector> TrailEvents =
    [
        new("Management events", [new("eventCategory", ["Management"])]),
        new("S3 object reads and writes", [new("eventCategory", ["Data"]), new("resources.type", ["AWS::S3::Object"])]),
    ];

    private static LogArchiveBucket Archive(string bucketName, string trailArn, string account, AccountBaselineSettings settings)
    {
        var archiveRoot = $"arn:aws:iam::{settings.LogArchiveAccountId}:root";
        var fromTrail = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, string> { ["aws:SourceArn"] = trailArn } };
        var keyPolicy = Document(
            Statement("ArchiveAdministers", archiveRoot, ["kms:*"], "*", null),
            Statement("TrailEncrypts", null, ["kms:GenerateDataKey*", "kms:DescribeKey"], "*", fromTrail, service: "cloudtrail.amazonaws.com"));
        var bucketArn = $"arn:aws:s3:::{bucketName}";
        var bucketPolicy = Document(
            Statement("TrailReadsAcl", null, ["s3:GetBucketAcl"], bucketArn, fromTrail, service: "cloudtrail.amazonaws.com"),
            Statement("TrailWrites", null, ["s3:PutObject"], $"{bucketArn}/AWSLogs/{account}/*", fromTrail, service: "cloudtrail.amazonaws.com"),
            new Dictionary<string, object>
            {
                ["Sid"] = "TlsOnly",
                ["Effect"] = "Deny",
                ["Principal"] = "*",
                ["Action"] = "s3:*",
                ["Resource"] = new[] { bucketArn, $"{bucketArn}/*" },
                ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, string> { ["aws:SecureTransport"] = "false" } },
            });
        return new LogArchiveBucket(bucketName, settings.LogArchiveAccountId, "COMPLIANCE", TrailRetentionDays, KeyDeletionWindowDays: 30, keyPolicy, bucketPolicy);
    }

    private static Dictionary<string, object> Statement(string sid, string? account, string[] actions, object resource, object? condition, string? service = null)
    {
        var statement = new Dictionary<string, object>
        {
            ["Sid"] = sid,
            ["Effect"] = "Allow",
            ["Principal"] = service is null ? new Dictionary<string, string> { ["AWS"] = account! } : new Dictionary<string, string> { ["Service"] = service },
            ["Action"] = actions,
            ["Resource"] = resource,
        };
        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }

    private static string Document(params Dictionary<string, object>[] statements) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["Version"] = "2012-10-17", ["Statement"] = statements });

    private static string StandardArn(string region, string standard) => $"arn:aws:securityhub:{region}::standards/{standard}";
}
