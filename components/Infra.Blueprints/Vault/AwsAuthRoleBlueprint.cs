using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>
/// The AWS IAM auth role a fleet's instances log in with: bound at deployment to the fleet's IAM
/// role ARN (which names the account), carrying the service's policy, with bounded token lifetimes, its
/// tokens usable only from the fleet's subnets.
/// </summary>
/// <param name="AuthType">How instances prove who they are: <c>iam</c>, a signed STS request bound to the role ARN (not <c>ec2</c> instance metadata).</param>
/// <param name="TokenBoundCidrs">The subnets of the fleet: a token leaked elsewhere is refused.</param>
public sealed record AwsAuthRoleBlueprint(string Role, string Service, EquatableList<string> Policies, int TokenTtlSeconds, int TokenMaxTtlSeconds, string AuthType,
    EquatableList<string> TokenBoundCidrs);
