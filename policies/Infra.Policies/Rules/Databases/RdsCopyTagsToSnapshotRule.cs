using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// Snapshots carry the database's tags, its data classification included.
/// Flags: <c>new aws.rds.Cluster("ledger", { copyTagsToSnapshot: false })</c> (false is the default).
/// </summary>
public sealed class RdsCopyTagsToSnapshotRule : PolicyRule
{
    public const string Code = "aws-rds-copy-tags-to-snapshot";

    public override string Id => Code;

    public override string Title => "Database snapshots carry the database's tags";

    public override RuleSeverity Severity => RuleSeverity.Low;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsCluster, TypeTokens.RdsInstance];

    public override string Rationale => "An untagged snapshot of restricted data has no owner and no classification: tag-based access rules and retention reviews miss it.";

    public override string Remediation => "Set copyTagsToSnapshot to true.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.5.12", "ISO 27001 A.5.13"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var copy = resource.Property("copyTagsToSnapshot");
        if (!copy.IsUnknown && copy.AsBoolean() != true)
        {
            yield return new PropertyIssue("copyTagsToSnapshot", copy.IsPresent ? "copyTagsToSnapshot is false" : "copyTagsToSnapshot is not set (false by default)");
        }
    }
}
