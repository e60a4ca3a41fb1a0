using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// Database logs leave the server: a PostgreSQL cluster exports <c>postgresql</c>, a MySQL one <c>audit</c>, to CloudWatch Logs.
/// Flags: <c>new aws.rds.Cluster("ledger", { engine: "aurora-postgresql" })</c> without <c>enabledCloudwatchLogsExports: ["postgresql"]</c>.
/// </summary>
public sealed class RdsLogExportsRule : PolicyRule
{
    public const string Code = "aws-rds-log-exports";

    public override string Id => Code;

    public override string Title => "Database audit logs are exported to CloudWatch Logs";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsCluster, TypeTokens.RdsInstance];

    public override string Rationale => "pgaudit writes into the database log, which RDS keeps for days on the instance; exported, it reaches the retained, encrypted log groups the auditors read.";

    public override string Remediation => "Set enabledCloudwatchLogsExports to [\"postgresql\"] (MySQL: [\"audit\"]).";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 10.2.1", "PCI DSS 10.3.3", "ISO 27001 A.8.15"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var engine = resource.Property("engine").AsString() ?? "";
        var needed = engine.Contains("postgres", StringComparison.Ordinal) ? "postgresql"
            : engine.Contains("mysql", StringComparison.Ordinal) || engine.Contains("mariadb", StringComparison.Ordinal) ? "audit"
            : null;
        var exports = resource.Property("enabledCloudwatchLogsExports");
        if (needed is null || exports.IsUnknown || exports.Items.Any(e => e.IsUnknown))
        {
            yield break;
        }

        if (!exports.AsStrings().Contains(needed, StringComparer.Ordinal))
        {
            yield return new PropertyIssue("enabledCloudwatchLogsExports", $"enabledCloudwatchLogsExports does not include '{needed}': the {engine} log stays on the instance");
        }
    }
}
