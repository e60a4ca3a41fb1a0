namespace Infra.Policies.Rules;

/// <summary>What is wrong with one resource, and the property it is about (e.g. <c>ingress[2].cidrBlocks[0]</c>) when one is to blame.</summary>
public sealed record PropertyIssue(string? PropertyPath, string Message);
