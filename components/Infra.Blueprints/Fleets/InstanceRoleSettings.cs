using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// The instances' IAM role: assumable by EC2 only, with one inline policy of every statement the
/// instances need (<see cref="Statements"/>: the platform's, then the service's declared ones).
/// </summary>
public sealed record InstanceRoleSettings(
    string AssumeRolePolicy,
    EquatableList<string> ManagedPolicyArns,
    EquatableList<PolicyStatement> Statements,
    string InlinePolicy,
    string VaultAuthRole)
{
    /// <summary>Whether some statement allows <paramref name="action"/> by its exact name.</summary>
    public bool Allows(string action) => Statements.Any(s => s.Allows(action));
}
