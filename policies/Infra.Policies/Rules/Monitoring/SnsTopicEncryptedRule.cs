using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Monitoring;

/// <summary>
/// SNS topics are encrypted at rest with a KMS key, and a topic that alarms notify with a customer managed one:
/// CloudWatch cannot use the AWS managed key of SNS, so its notifications would be dropped without an error.
/// Flags: <c>new aws.sns.Topic("alerts")</c> without <c>kmsMasterKeyId</c>, and
/// <c>new aws.sns.Topic("alerts", { kmsMasterKeyId: "alias/aws/sns" })</c> named in an alarm's <c>alarmActions</c>.
/// </summary>
public sealed class SnsTopicEncryptedRule : PolicyRule
{
    public const string Code = "aws-sns-topic-encrypted";

    private const string AwsManagedAlias = "alias/aws/sns";

    private static readonly string[] ActionKeys = ["alarmActions", "okActions", "insufficientDataActions"];

    public override string Id => Code;

    public override string Title => "SNS topics are encrypted, alarm topics with a customer managed key";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.SnsTopic];

    public override string Rationale => "Alert messages name accounts, resources and symptoms and rest in SNS until delivered; "
        + "a topic that alarms notify under the AWS managed key loses every page, because that key's policy does not admit CloudWatch.";

    public override string Remediation => "Set kmsMasterKeyId to a customer managed key whose policy lets cloudwatch.amazonaws.com use kms:Decrypt and kms:GenerateDataKey* for the account's alarms.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.24", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var key = resource.Property("kmsMasterKeyId");
        if (key.IsUnknown)
        {
            yield break;
        }
        if (key.AsString() is not { Length: > 0 } id)
        {
            yield return new PropertyIssue("kmsMasterKeyId", "kmsMasterKeyId is not set: the topic's messages are stored unencrypted");
        }
        else if (AwsManagedKey.IsNamedBy(id, AwsManagedAlias)
            && resource.Property("arn").AsString() is { } arn && AlarmTargets(resources).Contains(arn))
        {
            yield return new PropertyIssue("kmsMasterKeyId", $"alarms notify this topic, but kmsMasterKeyId is the AWS managed key {AwsManagedAlias}, which CloudWatch cannot use: their notifications are dropped");
        }
    }

    /// <summary>Every ARN an alarm of the set notifies, built once per run.</summary>
    private static HashSet<string> AlarmTargets(ResourceSet resources) => resources.Derived("alarm-action-targets", set =>
        set.OfType(TypeTokens.MetricAlarm).Concat(set.OfType(TypeTokens.CompositeAlarm))
            .SelectMany(alarm => ActionKeys.SelectMany(k => alarm.Property(k).AsStrings()))
            .ToHashSet(StringComparer.Ordinal));
}
