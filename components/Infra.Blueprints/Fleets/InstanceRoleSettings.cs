using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// The instances' IAM role: assumable by EC2 only, with the SSM core policy (Session Manager
/// instead of SSH) and the service's declared statements as one inline policy.
/// </summary>
public sealed record InstanceRoleSettings(
    string AssumeRolePolicy,
    EquatableList<string> ManagedPolicyArns,
    EquatableList<IamStatement> Statements,
    string? InlinePolicy,
    string VaultAuthRole);
