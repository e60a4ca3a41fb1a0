using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// A production database takes a final snapshot when it is deleted.
/// Flags: <c>skipFinalSnapshot: true</c> in production.
/// </summary>
public sealed class RdsFinalSnapshotRule : PolicyRule
{
    public const string Code = "aws-rds-final-snapshot-in-production";

    public override string Id => Code;

    public override string Title => "Production databases keep a final snapshot";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsCluster, TypeTokens.RdsInstance];

    public override string Rationale => "Automated backups go with the database; the final snapshot is the last copy after a deletion.";

    public override string Remediation => "Set skipFinalSnapshot to false and a finalSnapshotIdentifier in production.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.13", "DORA Art. 12"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (context.IsProduction && resource.Property("skipFinalSnapshot").AsBoolean() == true)
        {
            yield return new PropertyIssue("skipFinalSnapshot", "skipFinalSnapshot is true in production");
        }
    }
}
