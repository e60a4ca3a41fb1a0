using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// A PostgreSQL cluster writes an audit log of schema and role changes with pgaudit, without statement parameters.
/// Flags: a parameter group for aurora-postgresql16 without pgaudit in shared_preload_libraries, with
/// pgaudit.log unset or none, or with pgaudit.log_parameter = 1 (the values, customer data included, in the log).
/// </summary>
public sealed class RdsPgAuditRule : PolicyRule
{
    public const string Code = "aws-rds-pgaudit";

    public override string Id => Code;

    public override string Title => "PostgreSQL clusters keep an audit log with pgaudit";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsClusterParameterGroup];

    public override string Rationale => "Who changed a schema, a role or a grant must be provable; the PostgreSQL log alone does not say it reliably, and statement parameters hold customer data.";

    public override string Remediation => "Set shared_preload_libraries to include pgaudit, pgaudit.log to the documented classes (ddl,role) and pgaudit.log_parameter to 0.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 10.2.1", "ISO 27001 A.8.15", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (!ClusterParameters.IsPostgreSql(resource) || resource.Property("parameters").IsUnknown)
        {
            yield break;
        }
        var parameters = ClusterParameters.Of(resource);
        var libraries = parameters.GetValueOrDefault("shared_preload_libraries", "");
        if (!libraries.Split(',').Any(l => l.Trim() == "pgaudit"))
        {
            yield return new PropertyIssue("parameters", "shared_preload_libraries does not load pgaudit");
        }
        var classes = parameters.GetValueOrDefault("pgaudit.log", "");
        if (classes.Trim().Length == 0 || classes.Trim() == "none")
        {
            yield return new PropertyIssue("parameters", "pgaudit.log names no class; expected e.g. ddl,role");
        }
        if (parameters.GetValueOrDefault("pgaudit.log_parameter") == "1")
        {
            yield return new PropertyIssue("parameters", "pgaudit.log_parameter is 1: statement parameters, customer data included, would be logged");
        }
    }
}
