using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Encryption;

/// <summary>
/// A production KMS key waits 30 days before deletion.
/// Flags: <c>deletionWindowInDays: 7</c> in production.
/// </summary>
public sealed class KmsKeyDeletionWindowRule : PolicyRule
{
    public const string Code = "aws-kms-key-deletion-window";

    public override string Id => Code;

    public override string Title => "Production KMS keys keep the longest deletion window";

    public override RuleSeverity Severity => RuleSeverity.Low;

    public override EnforcementLevel DefaultEnforcement => EnforcementLevel.Advisory;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.KmsKey];

    public override string Rationale => "A deleted key makes every backup encrypted with it unreadable; a long window leaves time to notice a mistake.";

    public override string Remediation => "Leave deletionWindowInDays unset (30) or set it to 30 in production.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.24", "DORA Art. 12"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (context.IsProduction && resource.Property("deletionWindowInDays").AsNumber() is < 30 and var days)
        {
            yield return new PropertyIssue("deletionWindowInDays", $"deletionWindowInDays is {days}; production keys keep 30");
        }
    }
}
