using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Account;

/// <summary>
/// The account-level S3 public access block turns on all four switches.
/// Flags: <c>new aws.s3.AccountPublicAccessBlock("account", { blockPublicAcls: true, blockPublicPolicy: false })</c>.
/// </summary>
public sealed class AccountPublicAccessBlockRule : PolicyRule
{
    public const string Code = "aws-s3-account-public-access-block";

    private static readonly string[] Switches = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    public override string Id => Code;

    public override string Title => "The account blocks public S3 access";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.S3AccountPublicAccessBlock];

    public override string Rationale => "One switch at the account keeps a bucket created by hand or by another tool from ever being public.";

    public override string Remediation => "Set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets to true.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 2.1.4", "PCI DSS 1.4.4", "ISO 27001 A.8.3"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        foreach (var name in Switches)
        {
            var value = resource.Property(name);
            if (!value.IsUnknown && value.AsBoolean() != true)
            {
                yield return new PropertyIssue(name, $"{name} is {(value.IsPresent ? value.ToString() : "not set (false)")}; expected true");
            }
        }
    }
}
