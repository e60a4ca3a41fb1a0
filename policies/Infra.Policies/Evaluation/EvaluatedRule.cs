using Infra.Policies.Rules;

namespace Infra.Policies.Evaluation;

/// <summary>A rule that ran, with the enforcement level it had in this stack.</summary>
public sealed record EvaluatedRule(RuleDescriptor Rule, EnforcementLevel Enforcement);
