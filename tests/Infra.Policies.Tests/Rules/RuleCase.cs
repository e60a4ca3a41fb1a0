using Infra.Blueprints.Definition;
using Infra.Policies.Model;
using Infra.Policies.Rules;

namespace Infra.Policies.Tests.Rules;

/// <summary>
/// Resources that must (or must not) violate one rule in one environment, a part of the expected message, the
/// preview's destructive steps for the rules that judge them, the state's secrets provider (null as in a preview), and the
/// property path one of the findings must name.
/// </summary>
public sealed record RuleCase(string RuleId, bool Violates, EnvironmentKind Environment, IReadOnlyList<PolicyResource> Resources, string? MessagePart = null,
    IReadOnlyList<DestructiveStep>? Steps = null, StateSecretsProvider? SecretsProvider = null, string? PropertyPath = null);
