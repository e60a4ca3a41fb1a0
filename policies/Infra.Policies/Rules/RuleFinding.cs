namespace Infra.Policies.Rules;

/// <summary>
/// One thing a rule found wrong with one resource (or, for a waiver, one waiver entry), with the structured path of the
/// property to change (<c>ingress[2].cidrBlocks[0]</c>) when the rule knows it.
/// </summary>
public sealed record RuleFinding(string RuleId, string Urn, string ResourceType, string Message, string? PropertyPath = null);
