using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Account;

/// <summary>
/// VPC flow logs record accepted and rejected traffic.
/// Flags: <c>new aws.ec2.FlowLog("vpc", { vpcId, trafficType: "REJECT" })</c>.
/// </summary>
public sealed class FlowLogAllTrafficRule : PolicyRule
{
    public const string Code = "aws-ec2-flow-log-all-traffic";

    public override string Id => Code;

    public override string Title => "VPC flow logs record all traffic";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.FlowLog];

    public override string Rationale => "An investigation needs the connections that succeeded, not only the ones the security groups refused.";

    public override string Remediation => "Set trafficType to \"ALL\".";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 3.7", "PCI DSS 10.2.1", "ISO 27001 A.8.16", "DORA Art. 10"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var traffic = resource.Property("trafficType");
        if (!traffic.IsUnknown && traffic.AsString() != "ALL")
        {
            yield return new PropertyIssue("trafficType", $"trafficType is {(traffic.IsPresent ? $"'{traffic}'" : "not set")}; expected 'ALL'");
        }
    }
}
