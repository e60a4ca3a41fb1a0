using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Compute;

/// <summary>
/// A fleet behind a load balancer replaces servers whose application is dead: by the load balancer's
/// health check, or by EC2 health plus a liveness check on the instance that reports through
/// <c>autoscaling:SetInstanceHealth</c>, which the group names in its <c>liveness-check</c> tag (the
/// path it probes). The second keeps readiness, which checks dependencies, for routing only.
/// Flags: <c>new aws.autoscaling.Group("ledger", { targetGroupArns: [tg.arn], healthCheckType: "EC2" })</c> with no such tag.
/// </summary>
public sealed class AutoscalingElbHealthCheckRule : PolicyRule
{
    public const string Code = "aws-autoscaling-group-elb-health-check";

    /// <summary>The group tag that names the instance's liveness check (the same key as the fleet blueprint's).</summary>
    public const string LivenessTag = "liveness-check";

    public override string Id => Code;

    public override string Title => "Fleets behind a load balancer are replaced on an application health check";

    public override RuleSeverity Severity => RuleSeverity.Low;

    public override EnforcementLevel DefaultEnforcement => EnforcementLevel.Advisory;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.AutoscalingGroup];

    public override string Rationale => "Health checks are the servers' unit tests: a sick machine is replaced, not repaired; EC2 status checks alone miss a dead application.";

    public override string Remediation => "Set healthCheckType to \"ELB\", or keep \"EC2\" with an instance liveness check that calls autoscaling:SetInstanceHealth and name its path in the group's liveness-check tag.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.14", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var behindLoadBalancer = resource.Property("targetGroupArns").Items.Count > 0 || resource.Property("trafficSources").Items.Count > 0;
        var type = resource.Property("healthCheckType");
        if (!behindLoadBalancer || type.IsUnknown || type.AsString() == "ELB" || resource.Property("tags").IsUnknown)
        {
            yield break;
        }
        var liveness = resource.Property("tags").Items.FirstOrDefault(t => t["key"].AsString() == LivenessTag)?["value"];
        if (liveness is { IsUnknown: true })
        {
            yield break;
        }
        if (liveness?.AsString() is not { } path || !path.StartsWith('/'))
        {
            yield return new PropertyIssue("healthCheckType", $"healthCheckType is '{type}' and the group names no liveness check (a '{LivenessTag}' tag with the path it probes); expected 'ELB' behind a load balancer, or an instance liveness check");
        }
    }
}
