using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Account;

/// <summary>
/// Every region where the stack runs the account baseline (an AWS Config recorder) has an IAM Access Analyzer for
/// external access (type <c>ACCOUNT</c> or <c>ORGANIZATION</c>; the unused-access types do not report what is shared).
/// Flags: a region with <c>aws.cfg.Recorder</c> and no analyzer, or only <c>{ type: "ACCOUNT_UNUSED_ACCESS" }</c>.
/// </summary>
public sealed class AccessAnalyzerRule : PolicyRule
{
    public const string Code = "aws-iam-access-analyzer-external-access";

    private static readonly string[] ExternalAccessTypes = ["ACCOUNT", "ORGANIZATION"];

    public override string Id => Code;

    public override string Title => "IAM Access Analyzer reports external access in every baseline region";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.ConfigRecorder, TypeTokens.AccessAnalyzer];

    public override string Rationale => "A bucket, key, role or secret shared with another account by a policy change is found by the analyzer, not by people reading policies.";

    public override string Remediation => "Add an aws.accessanalyzer.Analyzer of type ACCOUNT (the default) or ORGANIZATION with the region's provider.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 1.20", "PCI DSS 7.2.1", "ISO 27001 A.5.15"];

    public override IEnumerable<RuleFinding> Evaluate(ResourceSet resources, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var analyzers = resources.OfType(TypeTokens.AccessAnalyzer);
        if (analyzers.Any(a => a.Property("type").IsUnknown))
        {
            yield break;
        }

        var covered = analyzers.Where(a => ExternalAccessTypes.Contains(a.Property("type").AsString() ?? "ACCOUNT")).Select(a => a.ProviderUrn).ToHashSet();
        foreach (var recorder in resources.OfType(TypeTokens.ConfigRecorder).Where(r => !covered.Contains(r.ProviderUrn)))
        {
            yield return Finding(recorder, "this region has no IAM Access Analyzer of type ACCOUNT or ORGANIZATION");
        }
    }
}
