namespace Infra.Policies.Rules;

/// <summary>One thing a rule found wrong with one resource (or, for a waiver, one waiver entry).</summary>
public sealed record RuleFinding(string RuleId, string Urn, string ResourceType, string Message);
