using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// Builds the KMS grants for the Auto Scaling service-linked role: one per region and key that a
/// fleet's root volume uses, none where no fleet launches. A pure function of the definition and its fleets.
/// </summary>
public static class EbsKeyGrantBlueprints
{
    /// <summary>
    /// AWS's "Required AWS KMS key policy for use with encrypted volumes" (EC2 Auto Scaling guide):
    /// use of the key, and CreateGrant, with which the role hands EC2 what it needs for the volume.
    /// </summary>
    public static IReadOnlyList<string> Operations { get; } =
        ["Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey", "CreateGrant"];

    public static EquatableList<EbsKeyGrantBlueprint> For(StackDefinition definition, IEnumerable<FleetBlueprint> fleets)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(fleets);
        return fleets
            .Select(f => (f.Region, f.LaunchTemplate.RootVolume.KmsKeyAlias))
            .Distinct()
            .Order()
            .Select(k => new EbsKeyGrantBlueprint(
                $"ebs-key-grant-{k.Region}",
                k.Region,
                k.KmsKeyAlias,
                AutoScalingServiceLinkedRole(definition.AwsAccountId),
                Operations.ToEquatableList()))
            .ToEquatableList();
    }

    /// <summary>The role Auto Scaling launches instances with, which AWS creates in the account with its first group.</summary>
    public static string AutoScalingServiceLinkedRole(string accountId) =>
        $"arn:aws:iam::{accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";
}
