namespace Infra.Policies.Rules;

/// <summary>A rule's metadata as reports show it.</summary>
public sealed record RuleDescriptor(
    string Id,
    string Title,
    RuleSeverity Severity,
    EnforcementLevel DefaultEnforcement,
    IReadOnlyList<string> ResourceTypes,
    string Rationale,
    string Remediation,
    IReadOnlyList<string> Frameworks)
{
    /// <summary>The rule's section in policies/RULES.md, sent as SARIF <c>helpUri</c> and the policy pack's <c>url</c>.</summary>
    public string HelpUri => RuleCatalogDocument.HelpUriOf(Id);
}
