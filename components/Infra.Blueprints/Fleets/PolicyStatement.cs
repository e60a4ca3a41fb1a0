using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// One Allow statement of a fleet's instance role: what the platform needs (Consul's join, the
/// SSM agent, the boot's health report) or what the service declared, with its conditions.
/// </summary>
/// <param name="Sid">A short name that says what the statement is for (letters and digits only, as IAM requires).</param>
public sealed record PolicyStatement(string Sid, EquatableList<string> Actions, EquatableList<string> Resources, EquatableList<PolicyCondition> Conditions)
{
    /// <summary>Whether the statement allows <paramref name="action"/> (exactly named, no wildcard).</summary>
    public bool Allows(string action) => Actions.Contains(action);
}
