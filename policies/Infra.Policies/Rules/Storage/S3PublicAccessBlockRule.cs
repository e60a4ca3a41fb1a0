using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Storage;

/// <summary>
/// Every bucket has a public access block with all four settings on.
/// Flags: a bucket without <c>aws.s3.BucketPublicAccessBlock</c>, or one with <c>restrictPublicBuckets: false</c>.
/// </summary>
public sealed class S3PublicAccessBlockRule : PolicyRule
{
    public const string Code = "aws-s3-bucket-public-access-block";

    private static readonly string[] Settings = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    public override string Id => Code;

    public override string Title => "S3 buckets block public access";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.S3Bucket, TypeTokens.S3BucketV2, TypeTokens.S3PublicAccessBlock];

    public override string Rationale => "A public bucket is the most common cloud data leak; no bank data is ever served from S3 directly.";

    public override string Remediation => "Add an aws.s3.BucketPublicAccessBlock for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 2.1.4", "PCI DSS 1.4.4", "ISO 27001 A.8.3"];

    protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Type == TypeTokens.S3PublicAccessBlock)
        {
            foreach (var setting in Settings)
            {
                var value = resource.Property(setting);
                if (!value.IsUnknown && value.AsBoolean() != true)
                {
                    yield return $"{setting} is not true";
                }
            }

            yield break;
        }

        if (!BucketRelations.ConfigurationsOf(resource, resources, TypeTokens.S3PublicAccessBlock).Any())
        {
            yield return "no aws.s3.BucketPublicAccessBlock for this bucket";
        }
    }
}
