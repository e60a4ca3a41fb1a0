using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// Databases encrypt their storage.
/// Flags: <c>new aws.rds.Cluster("payments", { engine: "aurora-postgresql", storageEncrypted: false })</c>.
/// </summary>
public sealed class RdsStorageEncryptedRule : PolicyRule
{
    public const string Code = "aws-rds-storage-encrypted";

    public override string Id => Code;

    public override string Title => "Databases encrypt their storage";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsCluster, TypeTokens.RdsGlobalCluster, TypeTokens.RdsInstance];

    public override string Rationale => "Databases hold account and card data; encryption at rest is required and cannot be added later without a restore.";

    public override string Remediation => "Set storageEncrypted to true with the environment's KMS key (kmsKeyId).";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 2.3.1", "PCI DSS 3.5.1", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var encrypted = resource.Property("storageEncrypted");
        if (!encrypted.IsUnknown && encrypted.AsBoolean() != true)
        {
            yield return new PropertyIssue("storageEncrypted", "storageEncrypted is not true");
        }
    }
}
