using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// Encrypted databases use a customer managed KMS key, not the account's default <c>aws/rds</c> key.
/// Flags: <c>new aws.rds.Cluster("ledger", { storageEncrypted: true })</c> without <c>kmsKeyId</c>, or with <c>alias/aws/rds</c>.
/// </summary>
public sealed class RdsCustomerManagedKeyRule : PolicyRule
{
    public const string Code = "aws-rds-customer-managed-key";

    private const string AwsManagedAlias = "alias/aws/rds";

    public override string Id => Code;

    public override string Title => "Databases are encrypted with a customer managed key";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsCluster, TypeTokens.RdsInstance];

    public override string Rationale => "The aws/rds key cannot be shared: snapshots encrypted with it cannot be copied to the backup account, and its policy is not the bank's to review.";

    public override string Remediation => "Set kmsKeyId to the database's customer managed key (the stack creates one per database and region).";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 3.6.1", "ISO 27001 A.8.24", "DORA Art. 12"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var key = resource.Property("kmsKeyId");
        if (resource.Property("storageEncrypted").AsBoolean() != true || key.IsUnknown)
        {
            yield break;
        }

        if (key.AsString() is not { Length: > 0 } id)
        {
            yield return new PropertyIssue("kmsKeyId", $"kmsKeyId is not set: the storage is encrypted with {AwsManagedAlias}");
        }
        else if (AwsManagedKey.IsNamedBy(id, AwsManagedAlias))
        {
            yield return new PropertyIssue("kmsKeyId", $"kmsKeyId is the AWS managed key {AwsManagedAlias}");
        }
    }
}
