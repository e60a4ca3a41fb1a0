using Infra.Policies.Enforcement;

namespace Infra.Policies.Evaluation;

/// <summary>What a run adds to the rules: enforcement overrides, waivers, a baseline, and where reports point for resources.</summary>
public sealed record EvaluationOptions
{
    public EnforcementPolicy Enforcement { get; init; } = EnforcementPolicy.Defaults;

    public WaiverSet Waivers { get; init; } = WaiverSet.Empty;

    public ComplianceBaseline Baseline { get; init; } = ComplianceBaseline.Empty;

    /// <summary>The file reports show for a resource's violation when no <see cref="Sources"/> are given; default <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    public string? ResourceLocationPath { get; init; }

    /// <summary>Maps a finding to the stack file key or component line that produced it; null points every finding at <see cref="ResourceLocationPath"/>, line 1.</summary>
    public SourceLocator? Sources { get; init; }
}
