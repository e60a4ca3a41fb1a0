namespace Infra.Policies.Rules.Waivers;

/// <summary>A waiver that matched no violation of this stack: the exception is no longer needed. Reported by the evaluator.</summary>
public sealed class UnusedWaiverRule : PolicyRule
{
    public const string Code = "policy-waiver-unused";

    public override string Id => Code;

    public override string Title => "Waivers that no longer match anything are removed";

    public override RuleSeverity Severity => RuleSeverity.Low;

    public override EnforcementLevel DefaultEnforcement => EnforcementLevel.Advisory;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [];

    public override string Rationale => "A stale waiver would silently cover a future violation of the same rule.";

    public override string Remediation => "Delete the waiver from policies/waivers.yaml.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.5.36"];
}
