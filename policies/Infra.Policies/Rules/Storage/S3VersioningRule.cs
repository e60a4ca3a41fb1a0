using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Storage;

/// <summary>
/// Every bucket keeps object versions.
/// Flags: a bucket without <c>aws.s3.BucketVersioning { versioningConfiguration: { status: "Enabled" } }</c>.
/// </summary>
public sealed class S3VersioningRule : PolicyRule
{
    public const string Code = "aws-s3-bucket-versioning-enabled";

    public override string Id => Code;

    public override string Title => "S3 buckets keep object versions";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes => BucketRelations.BucketTypes;

    public override string Rationale => "Versions recover objects overwritten or deleted by mistake or by ransomware.";

    public override string Remediation => "Add an aws.s3.BucketVersioning with versioningConfiguration.status \"Enabled\".";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.13", "DORA Art. 12"];

    protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var statuses = BucketRelations.ConfigurationsOf(resource, resources, TypeTokens.S3Versioning, TypeTokens.S3VersioningV2)
            .Select(c => c.Property("versioningConfiguration.status"))
            .ToList();
        var inline = resource.Property("versioning.enabled").AsBoolean() == true
            || resource.Property("versionings").Items.Any(v => v["enabled"].AsBoolean() == true);
        if (inline || statuses.Any(s => s.IsUnknown || s.AsString() == "Enabled"))
        {
            yield break;
        }

        yield return statuses.Count == 0
            ? "no aws.s3.BucketVersioning with status 'Enabled'"
            : $"versioning status is '{string.Join("', '", statuses)}'; expected 'Enabled'";
    }
}
