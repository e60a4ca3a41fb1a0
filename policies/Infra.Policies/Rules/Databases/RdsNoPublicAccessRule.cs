using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// Database instances are not publicly accessible.
/// Flags: <c>new aws.rds.ClusterInstance("payments-1", { publiclyAccessible: true })</c>.
/// </summary>
public sealed class RdsNoPublicAccessRule : PolicyRule
{
    public const string Code = "aws-rds-no-public-access";

    public override string Id => Code;

    public override string Title => "Databases are not publicly accessible";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsClusterInstance, TypeTokens.RdsInstance];

    public override string Rationale => "A public endpoint exposes the database to password guessing and to every unpatched flaw of the engine.";

    public override string Remediation => "Set publiclyAccessible to false; services reach databases inside the VPC.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 2.3.3", "PCI DSS 1.4.4", "ISO 27001 A.8.20"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("publiclyAccessible").AsBoolean() == true)
        {
            yield return new PropertyIssue("publiclyAccessible", "publiclyAccessible is true");
        }
    }
}
