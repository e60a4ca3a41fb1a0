using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Storage;

/// <summary>
/// Every bucket is encrypted with KMS (not only the default SSE-S3).
/// Flags: a bucket without <c>aws.s3.BucketServerSideEncryptionConfiguration</c> whose rule sets
/// <c>applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }</c>.
/// </summary>
public sealed class S3KmsEncryptionRule : PolicyRule
{
    public const string Code = "aws-s3-bucket-kms-encryption";

    public override string Id => Code;

    public override string Title => "S3 buckets are encrypted with KMS";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes => BucketRelations.BucketTypes;

    public override string Rationale => "KMS keys put access to the data under key policies and audit; SSE-S3 does not.";

    public override string Remediation => "Add an aws.s3.BucketServerSideEncryptionConfiguration with sseAlgorithm \"aws:kms\" and the environment's key.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 3.5.1", "ISO 27001 A.8.24"];

    protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var algorithms = new List<PropertyValue>();
        foreach (var config in BucketRelations.ConfigurationsOf(resource, resources, TypeTokens.S3Encryption, TypeTokens.S3EncryptionV2))
        {
            algorithms.AddRange(config.Property("rules").Items.Select(r => r["applyServerSideEncryptionByDefault"]["sseAlgorithm"]));
        }

        // Deprecated inline forms: Bucket.serverSideEncryptionConfiguration.rule, BucketV2.serverSideEncryptionConfigurations[].rules[].applyServerSideEncryptionByDefaults[]
        algorithms.Add(resource.Property("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm"));
        algorithms.AddRange(resource.Property("serverSideEncryptionConfigurations").Items
            .SelectMany(c => c["rules"].Items)
            .SelectMany(r => r["applyServerSideEncryptionByDefaults"].Items)
            .Select(d => d["sseAlgorithm"]));

        if (algorithms.Any(a => a.IsUnknown || a.AsString() is "aws:kms" or "aws:kms:dsse"))
        {
            yield break;
        }

        var found = algorithms.Select(a => a.AsString()).OfType<string>().ToList();
        yield return found.Count == 0
            ? "no server-side encryption configuration with sseAlgorithm 'aws:kms'"
            : $"sseAlgorithm is '{string.Join("', '", found)}'; expected 'aws:kms'";
    }
}
