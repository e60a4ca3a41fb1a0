using Infra.Blueprints.Definition;
using Infra.Policies.Model;
using Infra.Policies.Rules;

namespace Infra.PolicyPack.Analysis;

/// <summary>
/// What Configure (per-policy levels and settings) and ConfigureStack (the stack) have set, as one immutable
/// snapshot: a call in flight keeps the snapshot it started with while a new one is swapped in.
/// </summary>
internal sealed record PackConfiguration(
    IReadOnlyDictionary<string, EnforcementLevel> Levels,
    IReadOnlyDictionary<string, IReadOnlyList<(string Property, IReadOnlyList<string> Values)>> Settings,
    string? Stack)
{
    public static PackConfiguration Defaults { get; } = new(
        new Dictionary<string, EnforcementLevel>(StringComparer.Ordinal),
        new Dictionary<string, IReadOnlyList<(string, IReadOnlyList<string>)>>(StringComparer.Ordinal),
        null);

    public EnforcementLevel LevelOf(PolicyRule rule) => Levels.TryGetValue(rule.Id, out var level) ? level : rule.DefaultEnforcement;

    /// <summary>
    /// The rules' context: the stack from ConfigureStack, else from the URN (an engine that does not call ConfigureStack);
    /// the stack <c>production</c> has production bounds, every other stack those of staging (the repository's two stacks).
    /// </summary>
    public PolicyContext ContextFor(string urn, TimeProvider clock)
    {
        var stack = Stack ?? ResourceUrn.StackOf(urn) ?? "";
        var environment = stack == "production" ? EnvironmentKind.Production : EnvironmentKind.Staging;
        return RuleSettings.Apply(PolicyContext.Create(stack, environment, clock), Settings);
    }
}
