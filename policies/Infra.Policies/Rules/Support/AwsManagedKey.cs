namespace Infra.Policies.Rules.Support;

/// <summary>A service's AWS managed KMS key (<c>alias/aws/&lt;service&gt;</c>), named by its alias or by the alias's ARN.</summary>
internal static class AwsManagedKey
{
    public static bool IsNamedBy(string keyId, string alias) =>
        keyId == alias || keyId.EndsWith(":" + alias, StringComparison.Ordinal);
}
