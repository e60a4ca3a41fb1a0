using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Drills;

/// <summary>
/// The measured durations of the last region switch of a stack, by step id, as the quarterly drill job
/// writes them to <c>stacks/drills/&lt;stack&gt;.region-switch.json</c>. <c>infra drill</c> computes the
/// RTO from them where it can, from the declared estimates elsewhere.
/// </summary>
public sealed record DrillRecord(string Stack, DateOnly Day, EquatableList<MeasuredStep> Steps)
{
    /// <summary>Where a stack's record lives, from the repository root.</summary>
    public static string PathOf(string stack) => Path.Combine("stacks", "drills", stack + ".region-switch.json");

    public TimeSpan? DurationOf(string stepId) => Steps.FirstOrDefault(s => s.Id == stepId)?.Duration;
}
