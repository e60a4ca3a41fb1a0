using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// Performance Insights, which keeps statement text, is encrypted with a customer managed key.
/// Flags: <c>new aws.rds.ClusterInstance("ledger-1", { performanceInsightsEnabled: true })</c> without performanceInsightsKmsKeyId.
/// </summary>
public sealed class RdsPerformanceInsightsKmsRule : PolicyRule
{
    public const string Code = "aws-rds-performance-insights-kms";

    public override string Id => Code;

    public override string Title => "Performance Insights is encrypted with a customer managed key";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsClusterInstance, TypeTokens.RdsInstance];

    public override string Rationale => "Performance Insights stores the text of the top statements, which can hold customer data; its key must be one whose policy the bank controls.";

    public override string Remediation => "Set performanceInsightsKmsKeyId to the database's KMS key.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 3.5.1", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("performanceInsightsEnabled").AsBoolean() != true)
        {
            yield break;
        }
        var key = resource.Property("performanceInsightsKmsKeyId");
        if (!key.IsUnknown && key.AsString() is not { Length: > 0 })
        {
            yield return new PropertyIssue("performanceInsightsKmsKeyId", "performanceInsightsEnabled is true without performanceInsightsKmsKeyId: AWS's default key encrypts it");
        }
    }
}
