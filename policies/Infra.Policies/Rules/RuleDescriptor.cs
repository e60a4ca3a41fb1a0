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
    IReadOnlyList<string> Frameworks);
