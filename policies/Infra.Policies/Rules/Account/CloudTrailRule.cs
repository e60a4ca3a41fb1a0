using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Account;

/// <summary>
/// Trails cover every region, validate their log files and encrypt them with KMS.
/// Flags: <c>new aws.cloudtrail.Trail("account", { s3BucketName, isMultiRegionTrail: false })</c>, or no <c>enableLogFileValidation</c> or <c>kmsKeyId</c>.
/// </summary>
public sealed class CloudTrailRule : PolicyRule
{
    public const string Code = "aws-cloudtrail-multi-region-validated-encrypted";

    private static readonly string[] RequiredFlags = ["isMultiRegionTrail", "enableLogFileValidation"];

    public override string Id => Code;

    public override string Title => "CloudTrail covers every region, validates log files and encrypts them with KMS";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.CloudTrail];

    public override string Rationale => "The trail is the audit record of every API call; a region left out, a file that can be altered unnoticed, or logs readable without the bank's key defeat it.";

    public override string Remediation => "Set isMultiRegionTrail, enableLogFileValidation and includeGlobalServiceEvents to true and kmsKeyId to the log archive key (AccountBaseline does).";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 3.1", "CIS AWS 3.2", "CIS AWS 3.5", "PCI DSS 10.2.1", "PCI DSS 10.3.2", "PCI DSS 10.3.4", "ISO 27001 A.8.15", "DORA Art. 10"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        foreach (var flag in RequiredFlags)
        {
            var value = resource.Property(flag);
            if (!value.IsUnknown && value.AsBoolean() != true)
            {
                yield return new PropertyIssue(flag, $"{flag} is {(value.IsPresent ? value.ToString() : "not set")}; expected true");
            }
        }

        if (resource.Property("includeGlobalServiceEvents").AsBoolean() == false)
        {
            yield return new PropertyIssue("includeGlobalServiceEvents", "includeGlobalServiceEvents is false: IAM and STS calls go unrecorded");
        }

        if (DropsManagementEvents(resource) is { } path)
        {
            yield return new PropertyIssue(path, "the event selectors leave out management events: console logins, IAM and API changes go unrecorded");
        }

        var key = resource.Property("kmsKeyId");
        if (!key.IsUnknown && key.AsString() is not { Length: > 0 })
        {
            yield return new PropertyIssue("kmsKeyId", "kmsKeyId is not set: log files are encrypted with an S3 key, not the bank's");
        }
    }

    /// <summary>
    /// Advanced selectors replace the default: without one of <c>eventCategory = Management</c> no management event is
    /// recorded; basic selectors that all say <c>includeManagementEvents: false</c> do the same.
    /// </summary>
    private static string? DropsManagementEvents(PolicyResource trail)
    {
        var advanced = trail.Property("advancedEventSelectors");
        var basic = trail.Property("eventSelectors");
        if (advanced.IsUnknown || basic.IsUnknown)
        {
            return null;
        }

        if (advanced.Items.Count > 0)
        {
            return advanced.Items.Any(s => s["fieldSelectors"].Items.Any(f => f["field"].AsString() == "eventCategory" && f["equals"].AsStrings().Contains("Management")))
                ? null : "advancedEventSelectors";
        }

        return basic.Items.Count > 0 && basic.Items.All(s => s["includeManagementEvents"].AsBoolean() == false) ? "eventSelectors" : null;
    }
}
