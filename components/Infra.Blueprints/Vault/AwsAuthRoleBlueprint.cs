using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>
/// The AWS IAM auth role a fleet's instances log in with: bound at deployment to the fleet's IAM
/// role ARN (which names the account), carrying the service's policy, with bounded token lifetimes, its
/// tokens usable only from the fleet's subnets.
/// </summary>
/// <param name="AuthType">How instances prove who they are: <c>iam</c>, a signed STS request bound to the role ARN (not <c>ec2</c> instance metadata).</param>
/// <param name="TokenBoundCidrs">The subnets of the fleet: a token leaked elsewhere is refused.</param>
/// <param name="InferredEntityType">Vault looks up the EC2 instance behind the signed request (<c>ec2_instance</c>), which it needs to check the account.</param>
/// <param name="InferredAwsRegion">Where Vault looks the instance up: the fleets' region.</param>
/// <param name="BoundAccountIds">The stack's AWS account: an instance of another account is refused even with a role of the same ARN.</param>
public sealed record AwsAuthRoleBlueprint(string Role, string Service, EquatableList<string> Policies, int TokenTtlSeconds, int TokenMaxTtlSeconds, string AuthType,
    EquatableList<string> TokenBoundCidrs, string InferredEntityType, string InferredAwsRegion, EquatableList<string> BoundAccountIds);
