using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// The instances' IAM role: assumable by EC2 only, with one inline policy of every statement the
/// instances need (<see cref="Statements"/>: the platform's, then the service's declared ones) and no
/// managed policy, so that nothing outside the blueprint widens it.
/// </summary>
public sealed record InstanceRoleSettings(
    string AssumeRolePolicy,
    EquatableList<PolicyStatement> Statements,
    string InlinePolicy,
    string VaultAuthRole)
{
    /// <summary>Whether some statement allows <paramref name="action"/> by its exact name.</summary>
    public bool Allows(string action) => Statements.Any(s => s.Allows(action));
}
