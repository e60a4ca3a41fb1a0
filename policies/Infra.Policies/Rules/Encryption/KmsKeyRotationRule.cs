using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Encryption;

/// <summary>
/// Symmetric KMS keys rotate automatically.
/// Flags: <c>new aws.kms.Key("data", { enableKeyRotation: false })</c>.
/// </summary>
public sealed class KmsKeyRotationRule : PolicyRule
{
    public const string Code = "aws-kms-key-rotation-enabled";

    public override string Id => Code;

    public override string Title => "KMS keys rotate automatically";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.KmsKey];

    public override string Rationale => "Rotation limits how much data one key protects and is required by the cryptography policy.";

    public override string Remediation => "Set enableKeyRotation to true (rotationPeriodInDays between 90 and 365).";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 3.6", "PCI DSS 3.7.4", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var spec = resource.Property("customerMasterKeySpec").AsString() ?? "SYMMETRIC_DEFAULT";
        if (spec != "SYMMETRIC_DEFAULT" || resource.Property("customerMasterKeySpec").IsUnknown || resource.Property("enableKeyRotation").IsUnknown)
        {
            yield break; // AWS rotates symmetric keys only; unknown until the update: nothing to judge
        }

        if (resource.Property("enableKeyRotation").AsBoolean() != true)
        {
            yield return new PropertyIssue("enableKeyRotation", "enableKeyRotation is not true");
        }
        else if (resource.Property("rotationPeriodInDays").AsNumber() is > 365 and var days)
        {
            yield return new PropertyIssue("rotationPeriodInDays", $"rotationPeriodInDays is {days}; at most 365");
        }
    }
}
