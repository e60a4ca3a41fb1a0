using Infra.Policies.Enforcement;

namespace Infra.Policies.Evaluation;

/// <summary>What a run adds to the rules: enforcement overrides, waivers, a baseline, and the file reports point at for resources.</summary>
public sealed record EvaluationOptions
{
    public EnforcementPolicy Enforcement { get; init; } = EnforcementPolicy.Defaults;

    public WaiverSet Waivers { get; init; } = WaiverSet.Empty;

    public ComplianceBaseline Baseline { get; init; } = ComplianceBaseline.Empty;

    /// <summary>The file reports show for a resource's violation; default <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    public string? ResourceLocationPath { get; init; }
}
