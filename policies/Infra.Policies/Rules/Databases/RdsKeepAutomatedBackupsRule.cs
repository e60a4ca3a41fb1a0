using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// Deleting a database keeps its automated backups until they expire.
/// Flags: <c>new aws.rds.Cluster("ledger", { deleteAutomatedBackups: true })</c>, or the property unset (the provider's default is true).
/// </summary>
public sealed class RdsKeepAutomatedBackupsRule : PolicyRule
{
    public const string Code = "aws-rds-keep-automated-backups";

    public override string Id => Code;

    public override string Title => "Deleting a database keeps its automated backups";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsCluster, TypeTokens.RdsInstance];

    public override string Rationale => "A mistaken or malicious deletion must not take the point-in-time backups with it (DORA Art. 12).";

    public override string Remediation => "Set deleteAutomatedBackups to false.";

    public override IReadOnlyList<string> Frameworks { get; } = ["DORA Art. 12", "ISO 27001 A.8.13"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var value = resource.Property("deleteAutomatedBackups");
        if (!value.IsUnknown && value.AsBoolean() != false)
        {
            yield return new PropertyIssue("deleteAutomatedBackups", value.IsPresent ? "deleteAutomatedBackups is true" : "deleteAutomatedBackups is not set (the provider's default, true, deletes them with the database)");
        }
    }
}
