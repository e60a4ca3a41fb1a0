using Pulumi;
using Pulumi.Aws.Kms;

namespace Infra.Components;

/// <summary>
/// A customer managed KMS key as the components make one: the blueprint's description, key policy and deletion
/// window, tagged, and always rotated (CIS AWS 3.6; the rule aws-kms-key-rotation-enabled checks it). A database's
/// key is the exception: its blueprint decides the rotation.
/// </summary>
internal static class CustomerKeys
{
    public static Key Create(string name, string description, string policy, int deletionWindowDays, InputMap<string> tags, CustomResourceOptions options) =>
        new(name, new KeyArgs
        {
            Description = description,
            Policy = policy,
            EnableKeyRotation = true,
            DeletionWindowInDays = deletionWindowDays,
            Tags = tags,
        }, options);
}
