using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// Databases accept IAM authentication.
/// Flags: <c>iamDatabaseAuthenticationEnabled: false</c> (or unset).
/// </summary>
public sealed class RdsIamAuthenticationRule : PolicyRule
{
    public const string Code = "aws-rds-iam-authentication";

    public override string Id => Code;

    public override string Title => "Databases accept IAM authentication";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override EnforcementLevel DefaultEnforcement => EnforcementLevel.Advisory;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsCluster, TypeTokens.RdsInstance];

    public override string Rationale => "Short-lived IAM tokens let people and services connect without long-lived passwords.";

    public override string Remediation => "Set iamDatabaseAuthenticationEnabled to true.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 8.3.1", "ISO 27001 A.8.5"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var enabled = resource.Property("iamDatabaseAuthenticationEnabled");
        if (!enabled.IsUnknown && enabled.AsBoolean() != true)
        {
            yield return new PropertyIssue("iamDatabaseAuthenticationEnabled", "iamDatabaseAuthenticationEnabled is not true");
        }
    }
}
