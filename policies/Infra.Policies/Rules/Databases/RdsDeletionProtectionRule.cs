using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// Production databases are protected from deletion.
/// Flags: <c>deletionProtection: false</c> (or unset) on a production cluster, global cluster or instance.
/// </summary>
public sealed class RdsDeletionProtectionRule : PolicyRule
{
    public const string Code = "aws-rds-deletion-protection";

    public override string Id => Code;

    public override string Title => "Production databases have deletion protection";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsCluster, TypeTokens.RdsGlobalCluster, TypeTokens.RdsInstance];

    public override string Rationale => "A refactoring that renames a resource would otherwise delete a production database.";

    public override string Remediation => "Set deletionProtection to true in production (and protect: true on the resource).";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.13", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var protection = resource.Property("deletionProtection");
        if (context.IsProduction && !protection.IsUnknown && protection.AsBoolean() != true)
        {
            yield return new PropertyIssue("deletionProtection", "deletionProtection is not true in production");
        }
    }
}
