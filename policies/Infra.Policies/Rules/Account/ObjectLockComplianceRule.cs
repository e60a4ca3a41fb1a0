using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Account;

/// <summary>
/// A bucket's object lock keeps objects in compliance mode for at least a year.
/// Flags: <c>rule: { defaultRetention: { mode: "GOVERNANCE", days: 30 } }</c>.
/// </summary>
public sealed class ObjectLockComplianceRule : PolicyRule
{
    public const string Code = "aws-s3-object-lock-compliance-one-year";

    private const int OneYear = 365;

    public override string Id => Code;

    public override string Title => "Object lock is in compliance mode for at least a year";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.S3ObjectLock, TypeTokens.S3ObjectLockV2];

    public override string Rationale => "Audit logs must be immutable for their retention; governance mode can be lifted by anyone holding s3:BypassGovernanceRetention.";

    public override string Remediation => "Set rule.defaultRetention.mode to \"COMPLIANCE\" and days to 365 or more (or years to 1 or more).";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 10.3.3", "PCI DSS 10.5.1", "ISO 27001 A.8.15", "DORA Art. 12"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        const string Path = "rule.defaultRetention";
        var retention = resource.Property("rule")["defaultRetention"];
        if (retention.IsUnknown)
        {
            yield break;
        }

        if (retention["mode"] is { IsUnknown: false } mode && mode.AsString() != "COMPLIANCE")
        {
            yield return new PropertyIssue($"{Path}.mode", $"{Path}.mode is {(mode.IsPresent ? $"'{mode}'" : "not set")}; expected 'COMPLIANCE'");
        }

        var days = retention["days"].AsNumber() ?? 365 * (retention["years"].AsNumber() ?? 0);
        if (days < OneYear && !retention["days"].IsUnknown && !retention["years"].IsUnknown)
        {
            yield return new PropertyIssue($"{Path}.days", $"{Path} keeps objects {days} days; at least {OneYear} is required");
        }
    }
}
