namespace Infra.Policies.Rules.Waivers;

/// <summary>
/// A waiver past its expiry date is itself a violation (and no longer waives anything). The evaluator reports it
/// at the waiver's line in waivers.yaml; this class carries the rule's metadata.
/// </summary>
public sealed class ExpiredWaiverRule : PolicyRule
{
    public const string Code = "policy-waiver-expired";

    public override string Id => Code;

    public override string Title => "Waivers are renewed or removed before they expire";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [];

    public override string Rationale => "A waiver is a time-boxed, approved exception; past its date the exception is no longer under control.";

    public override string Remediation => "Fix the violation and delete the waiver, or renew it with a new justification, approver and expiry date.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.5.36", "DORA Art. 6"];
}
