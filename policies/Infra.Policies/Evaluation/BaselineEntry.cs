namespace Infra.Policies.Evaluation;

/// <summary>A known violation: keyed on stack, URN and rule id (not on position or message).</summary>
public sealed record BaselineEntry(string Stack, string Urn, string RuleId);
