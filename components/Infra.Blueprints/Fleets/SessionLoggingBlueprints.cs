using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Databases;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// Where Session Manager writes what happens in a session: in every region where fleets run, one log
/// group per stack, encrypted with its own KMS key and kept <see cref="RetentionDays"/>, named by the
/// region's Session Manager preferences. A pure function of the definition and its fleets.
/// </summary>
public static class SessionLoggingBlueprints
{
    /// <summary>At least a year, as PCI DSS 10.5.1 asks of audit logs.</summary>
    public const int RetentionDays = 365;

    /// <summary>The name Session Manager reads its preferences from, in each region of an account.</summary>
    public const string PreferencesDocumentName = "SSM-SessionManagerRunShell";

    /// <summary>A session idle this long is closed, and none lasts longer than the maximum (minutes).</summary>
    public const int IdleSessionTimeoutMinutes = 20;

    public const int MaxSessionDurationMinutes = 60;

    public static string LogGroupName(string stack) => $"/infra/{stack}/session-manager";

    public static string LogGroupArn(string stack, string region, string account) =>
        string.Create(CultureInfo.InvariantCulture, $"arn:aws:logs:{region}:{account}:log-group:{LogGroupName(stack)}");

    public static EquatableList<SessionLoggingBlueprint> For(StackDefinition definition, IEnumerable<FleetBlueprint> fleets)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(fleets);
        var production = definition.Environment == EnvironmentKind.Production;
        var logGroup = LogGroupName(definition.StackName);
        return fleets
            .Select(f => f.Region)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(region => new SessionLoggingBlueprint(
                $"session-logging-{region}",
                region,
                $"Session Manager logs of {definition.StackName} in {region}",
                KeyPolicy(definition.AwsAccountId, region, LogGroupArn(definition.StackName, region, definition.AwsAccountId)),
                production ? 30 : 7,
                logGroup,
                RetentionDays,
                PreferencesDocumentName,
                Preferences(logGroup),
                StandardTags.For("session-logging", "platform", DataClassification.Restricted, definition)))
            .ToEquatableList();
    }

    /// <summary>The account root administers the key (IAM decides who reads the logs); CloudWatch Logs uses it for this log group only.</summary>
    private static string KeyPolicy(string account, string region, string logGroupArn)
    {
        var statements = DatabaseKeyPolicy.AdministeredAndUsedThrough(account, region, []);
        statements.Add(DatabaseKeyPolicy.UsedByLogs("LogsOfTheSessions", region, "ArnEquals", logGroupArn));
        return DatabaseKeyPolicy.Serialized(statements);
    }

    /// <summary>
    /// The Session document of the preferences (Session Manager's "Session document schema"): every
    /// session streamed to the encrypted log group, which the agent checks before it starts one; no S3
    /// copy; no run-as user; closed after idling or at the maximum duration.
    /// </summary>
    private static string Preferences(string logGroup) => new JsonObject
    {
        ["schemaVersion"] = "1.0",
        ["description"] = "Session Manager preferences: every session logged to an encrypted CloudWatch log group",
        ["sessionType"] = "Standard_Stream",
        ["inputs"] = new JsonObject
        {
            ["s3BucketName"] = "",
            ["s3KeyPrefix"] = "",
            ["s3EncryptionEnabled"] = true,
            ["cloudWatchLogGroupName"] = logGroup,
            ["cloudWatchEncryptionEnabled"] = true,
            ["cloudWatchStreamingEnabled"] = true,
            ["kmsKeyId"] = "",
            ["runAsEnabled"] = false,
            ["runAsDefaultUser"] = "",
            ["idleSessionTimeout"] = IdleSessionTimeoutMinutes.ToString(CultureInfo.InvariantCulture),
            ["maxSessionDuration"] = MaxSessionDurationMinutes.ToString(CultureInfo.InvariantCulture),
            ["shellProfile"] = new JsonObject { ["windows"] = "", ["linux"] = "" },
        },
    }.ToJsonString();
}
