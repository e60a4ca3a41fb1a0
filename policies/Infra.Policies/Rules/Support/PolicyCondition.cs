namespace Infra.Policies.Rules.Support;

/// <summary>One test of a statement's <c>Condition</c>: its operator (<c>Bool</c>, <c>StringEquals</c> ...), key and values.</summary>
internal sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);
