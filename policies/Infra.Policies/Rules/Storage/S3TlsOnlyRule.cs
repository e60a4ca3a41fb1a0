using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Storage;

/// <summary>
/// Every bucket refuses requests without TLS: its bucket policy denies <c>s3:*</c> to everyone when
/// <c>aws:SecureTransport</c> is false.
/// Flags: a bucket with no <c>aws.s3.BucketPolicy</c>, or one without that deny statement.
/// </summary>
public sealed class S3TlsOnlyRule : PolicyRule
{
    public const string Code = "aws-s3-bucket-tls-only";

    public override string Id => Code;

    public override string Title => "S3 buckets refuse requests without TLS";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes => BucketRelations.BucketTypes;

    public override string Rationale => "S3 still answers plain HTTP; only the bucket policy stops a client or a misconfigured tool from sending or reading objects in clear.";

    public override string Remediation => "Add to the bucket policy: {\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[bucket, bucket/*],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 2.1.1", "PCI DSS 4.2.1", "ISO 27001 A.8.24"];

    protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var policies = BucketRelations.ConfigurationsOf(resource, resources, TypeTokens.S3BucketPolicy).Select(p => p.Property("policy"))
            .Append(resource.Property("policy"))
            .Where(p => p.IsPresent)
            .ToList();
        if (policies.Any(p => p.IsUnknown || p.IsSecret))
        {
            yield break;
        }

        if (!policies.Select(PolicyDocument.Parse).Any(d => d.Statements.Any(DeniesPlainHttp)))
        {
            yield return policies.Count == 0
                ? "no bucket policy: requests without TLS are served"
                : "the bucket policy has no statement that denies s3:* to everyone when aws:SecureTransport is false";
        }
    }

    private static bool DeniesPlainHttp(PolicyStatement statement) =>
        !statement.IsAllow && string.Equals(statement.Effect, "Deny", StringComparison.OrdinalIgnoreCase)
        && statement.Principals.Any(p => p.IsEveryone)
        && statement.WholeServiceActions("s3").Any()
        && statement.Requires("Bool", "aws:SecureTransport", "false");
}
