using Infra.Policies.Rules;

namespace Infra.Policies.Evaluation;

/// <summary>A rule with the enforcement level it has in one run; a rule whose level is <see cref="EnforcementLevel.Disabled"/> never becomes one.</summary>
public sealed record EnforcedRule(PolicyRule Rule, EnforcementLevel Level);
