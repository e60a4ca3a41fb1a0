using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Logging;

/// <summary>
/// CloudWatch log groups keep their events for at least a year (0 or unset: never expire).
/// Flags: <c>new aws.cloudwatch.LogGroup("ledger", { retentionInDays: 90 })</c>.
/// </summary>
public sealed class LogGroupRetentionRule : PolicyRule
{
    public const string Code = "aws-cloudwatch-log-group-retention-one-year";

    private const int OneYear = 365;

    public override string Id => Code;

    public override string Title => "Log groups keep events for at least a year";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.CloudWatchLogGroup];

    public override string Rationale => "Investigations and auditors need a year of audit trail (PCI DSS 10.5.1: twelve months, three of them at hand).";

    public override string Remediation => "Set retentionInDays to 365 or more (400, 545, 731 ...), or archive the group to the log archive account first.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 10.5.1", "ISO 27001 A.8.15", "DORA Art. 12"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var retention = resource.Property("retentionInDays");
        if (retention.AsNumber() is { } days and > 0 and < OneYear)
        {
            yield return new PropertyIssue("retentionInDays", $"retentionInDays is {days}; at least {OneYear} is required (0 keeps events forever)");
        }
    }
}
