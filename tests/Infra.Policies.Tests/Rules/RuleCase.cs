using Infra.Blueprints.Definition;
using Infra.Policies.Model;
using Infra.Policies.Rules;

namespace Infra.Policies.Tests.Rules;

/// <summary>Resources that must (or must not) violate one rule in one environment, and a part of the expected message.</summary>
public sealed record RuleCase(string RuleId, bool Violates, EnvironmentKind Environment, IReadOnlyList<PolicyResource> Resources, string? MessagePart = null);
