using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>One condition of a statement, e.g. <c>StringEquals aws:RequestedRegion [eu-west-3]</c>.</summary>
public sealed record PolicyCondition(string Operator, string Key, EquatableList<string> Values);
