using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Account;

/// <summary>
/// The IAM password policy asks for 14 characters and forbids reusing the last 24 passwords.
/// Flags: <c>new aws.iam.AccountPasswordPolicy("account", { minimumPasswordLength: 8 })</c>.
/// </summary>
public sealed class PasswordPolicyRule : PolicyRule
{
    public const string Code = "aws-iam-password-policy-strong";

    private const int MinimumLength = 14;
    private const int ReusePrevention = 24;

    public override string Id => Code;

    public override string Title => "The IAM password policy asks for 14 characters and no reuse of the last 24";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.IamAccountPasswordPolicy];

    public override string Rationale => "Break-glass IAM users are the only password holders in the account; their passwords must resist guessing and not come back.";

    public override string Remediation => $"Set minimumPasswordLength to at least {MinimumLength} and passwordReusePrevention to {ReusePrevention}.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 1.8", "CIS AWS 1.9", "PCI DSS 8.3.6", "ISO 27001 A.5.17"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("minimumPasswordLength") is { IsUnknown: false } length && (length.AsNumber() ?? 6) < MinimumLength)
        {
            yield return new PropertyIssue("minimumPasswordLength", $"minimumPasswordLength is {(length.IsPresent ? length.ToString() : "not set (6)")}; at least {MinimumLength} is required");
        }

        if (resource.Property("passwordReusePrevention") is { IsUnknown: false } reuse && (reuse.AsNumber() ?? 0) < ReusePrevention)
        {
            yield return new PropertyIssue("passwordReusePrevention", $"passwordReusePrevention is {(reuse.IsPresent ? reuse.ToString() : "not set")}; {ReusePrevention} is required");
        }
    }
}
