using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.StackWide;

/// <summary>
/// Every fleet (autoscaling group) spans at least two availability zones.
/// Flags: <c>new aws.autoscaling.Group("ledger", { vpcZoneIdentifiers: ["subnet-0a"] })</c>.
/// Zones come from the subnets of the stack (<c>aws:ec2/subnet</c>) when present, else each subnet counts as one zone.
/// </summary>
public sealed class FleetSpansZonesRule : PolicyRule
{
    public const string Code = "stack-fleet-spans-two-zones";

    public override string Id => Code;

    public override string Title => "Every fleet spans at least two availability zones";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.AutoscalingGroup];

    public override string Rationale => "N+1 capacity is planned per zone: losing one zone must leave the peak load served.";

    public override string Remediation => "List subnets of at least two zones in vpcZoneIdentifiers (the stack defines three per region).";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.14", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var subnets = resource.Property("vpcZoneIdentifiers");
        if (subnets.IsUnknown || subnets.Items.Any(s => s.IsUnknown))
        {
            yield break;
        }

        var zones = subnets.AsStrings()
            .Select(id => resources.FindById(id)?.Property("availabilityZone").AsString() ?? id)
            .Concat(resource.Property("availabilityZones").AsStrings())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (zones.Count < 2)
        {
            yield return new PropertyIssue("vpcZoneIdentifiers", $"spans {zones.Count} zone(s) ({string.Join(", ", zones)}); at least 2 are required");
        }
    }
}
