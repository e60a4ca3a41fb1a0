using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// A PostgreSQL cluster parameter group refuses connections without TLS.
/// Flags: <c>new aws.rds.ClusterParameterGroup("ledger", { family: "aurora-postgresql16", parameters: [] })</c> (rds.force_ssl unset or 0).
/// </summary>
public sealed class RdsForceSslRule : PolicyRule
{
    public const string Code = "aws-rds-force-ssl";

    public override string Id => Code;

    public override string Title => "PostgreSQL clusters accept only TLS connections";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsClusterParameterGroup];

    public override string Rationale => "Credentials and customer data cross the network; a client that forgets sslmode must be refused, not served in clear.";

    public override string Remediation => "Add the parameter rds.force_ssl = 1 to the cluster parameter group.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 4.2.1", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (!ClusterParameters.IsPostgreSql(resource) || resource.Property("parameters").IsUnknown)
        {
            yield break;
        }
        var value = ClusterParameters.Of(resource).GetValueOrDefault("rds.force_ssl");
        if (value != "1")
        {
            yield return new PropertyIssue("parameters", value is null ? "rds.force_ssl is not set (RDS's default 0 accepts connections without TLS)" : $"rds.force_ssl is {value}; expected 1");
        }
    }
}
