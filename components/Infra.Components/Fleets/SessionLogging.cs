using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Ssm;

namespace Infra.Components.Fleets;

/// <summary>
/// Session Manager's logging in one region, mapped from its <see cref="Infra.Blueprints.Fleets.SessionLoggingBlueprint"/>:
/// the KMS key, the log group under it, and the Session Manager preferences document that sends every
/// session there. Output: <see cref="LogGroupArn"/>.
/// </summary>
public sealed class SessionLogging : ComponentResource
{
    public const string TypeToken = "infra:fleet:SessionLogging";

    public SessionLogging(string name, SessionLoggingArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var blueprint = RequiredArgs.Require(args.Blueprint, nameof(SessionLoggingArgs.Blueprint), "the session logging maps its blueprint");
        var aws = RequiredArgs.Require(args.Aws, nameof(SessionLoggingArgs.Aws), "the Pulumi.Aws.Provider of the blueprint's region");
        var onAws = new CustomResourceOptions { Parent = this, Provider = aws };
        var tags = ResourceTags.Map(blueprint.Tags);

        var key = CustomerKeys.Create($"{name}-key", blueprint.KeyDescription, blueprint.KeyPolicy, blueprint.KeyDeletionWindowDays, tags, onAws);
        var logGroup = new LogGroup($"{name}-logs", new LogGroupArgs
        {
            Name = blueprint.LogGroupName,
            RetentionInDays = blueprint.RetentionDays,
            KmsKeyId = key.Arn,
            Tags = tags,
        }, onAws);
        // The preferences name the group; Session Manager refuses sessions while it cannot write there.
        _ = new Document($"{name}-preferences", new DocumentArgs
        {
            Name = blueprint.PreferencesDocumentName,
            DocumentType = "Session",
            DocumentFormat = "JSON",
            Content = blueprint.PreferencesDocument,
            Tags = tags,
        }, CustomResourceOptions.Merge(onAws, new CustomResourceOptions { DependsOn = { logGroup } }));

        LogGroupArn = logGroup.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["logGroupArn"] = LogGroupArn });
    }

    [Output("logGroupArn")]
    public Output<string> LogGroupArn { get; private set; }
}
