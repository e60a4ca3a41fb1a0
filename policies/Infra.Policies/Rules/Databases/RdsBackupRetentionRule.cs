using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// Backups are kept at least 7 days in staging and 35 days in production.
/// Flags: <c>backupRetentionPeriod: 7</c> on a production cluster (or no <c>backupRetentionPeriod</c>: AWS keeps 1 day).
/// </summary>
public sealed class RdsBackupRetentionRule : PolicyRule
{
    public const string Code = "aws-rds-backup-retention";

    public const int StagingMinimumDays = 7;
    public const int ProductionMinimumDays = 35;

    public override string Id => Code;

    public override string Title => "Database backups are kept long enough for the environment";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsCluster, TypeTokens.RdsInstance];

    public override string Rationale => "Point-in-time recovery must reach back past the longest time a silent data corruption goes unnoticed.";

    public override string Remediation => "Set backupRetentionPeriod to at least 7 (staging) or 35 (production, the AWS maximum).";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 12.10.1", "ISO 27001 A.8.13", "DORA Art. 12"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var minimum = context.IsProduction ? ProductionMinimumDays : StagingMinimumDays;
        var value = resource.Property("backupRetentionPeriod");
        if (value.IsUnknown)
        {
            yield break;
        }

        var days = value.AsNumber() ?? 1;
        if (days < minimum)
        {
            yield return new PropertyIssue("backupRetentionPeriod", $"backupRetentionPeriod is {(value.IsPresent ? days : "not set (1 day)")}; {context.StackName} requires at least {minimum} days");
        }
    }
}
