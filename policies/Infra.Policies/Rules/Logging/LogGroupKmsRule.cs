using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Logging;

/// <summary>
/// CloudWatch log groups are encrypted with a customer managed KMS key.
/// Flags: <c>new aws.cloudwatch.LogGroup("ledger", { retentionInDays: 400 })</c> (no <c>kmsKeyId</c>).
/// </summary>
public sealed class LogGroupKmsRule : PolicyRule
{
    public const string Code = "aws-cloudwatch-log-group-kms";

    public override string Id => Code;

    public override string Title => "Log groups are encrypted with a customer managed KMS key";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.CloudWatchLogGroup];

    public override string Rationale => "Logs carry account numbers, hostnames and request data; a customer managed key lets the bank control and audit who reads them.";

    public override string Remediation => "Set kmsKeyId to the environment's KMS key ARN, whose policy allows logs.<region>.amazonaws.com.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 3.5", "PCI DSS 3.5.1", "PCI DSS 10.3.2", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var key = resource.Property("kmsKeyId");
        if (!key.IsUnknown && key.AsString() is not { Length: > 0 })
        {
            yield return new PropertyIssue("kmsKeyId", "kmsKeyId is not set: the group is encrypted with a key AWS manages, not the bank");
        }
    }
}
