using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Account;

/// <summary>
/// GuardDuty detectors are enabled.
/// Flags: <c>new aws.guardduty.Detector("eu-west-3", { enable: false })</c>.
/// </summary>
public sealed class GuardDutyEnabledRule : PolicyRule
{
    public const string Code = "aws-guardduty-detector-enabled";

    public override string Id => Code;

    public override string Title => "GuardDuty detectors are enabled";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.GuardDutyDetector];

    public override string Rationale => "Threat detection on the trail, DNS and flow logs is the bank's alarm for stolen credentials and compromised servers.";

    public override string Remediation => "Set enable to true (the default).";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 10.7.1", "PCI DSS 11.5.1", "ISO 27001 A.8.16", "DORA Art. 10"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("enable").AsBoolean() == false)
        {
            yield return new PropertyIssue("enable", "enable is false: the detector is suspended");
        }
    }
}
