using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Compute;

/// <summary>
/// A fleet behind a load balancer replaces servers that fail the load balancer's health check.
/// Flags: <c>new aws.autoscaling.Group("ledger", { targetGroupArns: [tg.arn], healthCheckType: "EC2" })</c>.
/// </summary>
public sealed class AutoscalingElbHealthCheckRule : PolicyRule
{
    public const string Code = "aws-autoscaling-group-elb-health-check";

    public override string Id => Code;

    public override string Title => "Fleets behind a load balancer use its health check";

    public override RuleSeverity Severity => RuleSeverity.Low;

    public override EnforcementLevel DefaultEnforcement => EnforcementLevel.Advisory;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.AutoscalingGroup];

    public override string Rationale => "Health checks are the servers' unit tests: a sick machine is replaced, not repaired; EC2 status checks miss a dead application.";

    public override string Remediation => "Set healthCheckType to \"ELB\" with a healthCheckGracePeriod.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.14", "DORA Art. 9"];

    protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var behindLoadBalancer = resource.Property("targetGroupArns").Items.Count > 0 || resource.Property("trafficSources").Items.Count > 0;
        if (behindLoadBalancer && !resource.Property("healthCheckType").IsUnknown && resource.Property("healthCheckType").AsString() != "ELB")
        {
            yield return $"healthCheckType is '{resource.Property("healthCheckType")}'; expected 'ELB' behind a load balancer";
        }
    }
}
