using Infra.Policies.Rules;

namespace Infra.Policies.Evaluation;

/// <summary>
/// What one rule found in one run, at its level. When the rule threw, <see cref="Failure"/> is the exception and
/// <see cref="Findings"/> the one finding that reports it.
/// </summary>
public sealed record RuleRun(PolicyRule Rule, EnforcementLevel Level, IReadOnlyList<RuleFinding> Findings, Exception? Failure);
