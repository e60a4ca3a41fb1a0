using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Account;

/// <summary>
/// EBS encryption by default is on in each region the stack manages it.
/// Flags: <c>new aws.ebs.EncryptionByDefault("eu-west-3", { enabled: false })</c>.
/// </summary>
public sealed class EbsEncryptionByDefaultRule : PolicyRule
{
    public const string Code = "aws-ebs-encryption-by-default";

    public override string Id => Code;

    public override string Title => "EBS encryption by default is on";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.EbsEncryptionByDefault];

    public override string Rationale => "A volume created outside the blueprints (by hand, from an image's default mapping) is encrypted anyway.";

    public override string Remediation => "Set enabled to true.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 2.2.1", "PCI DSS 3.5.1", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("enabled").AsBoolean() == false)
        {
            yield return new PropertyIssue("enabled", "enabled is false: new volumes are not encrypted unless asked");
        }
    }
}
