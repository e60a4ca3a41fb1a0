using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.LoadBalancing;

/// <summary>
/// Load balancers write access logs.
/// Flags: <c>new aws.lb.LoadBalancer("internal")</c> without <c>accessLogs: { bucket, enabled: true }</c>.
/// </summary>
public sealed class LbAccessLogsRule : PolicyRule
{
    public const string Code = "aws-lb-access-logs-enabled";

    public override string Id => Code;

    public override string Title => "Load balancers write access logs";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.LbLoadBalancer];

    public override string Rationale => "Access logs are the evidence of who reached which service, for incidents and for auditors.";

    public override string Remediation => "Set accessLogs: { bucket: <the log bucket>, enabled: true }.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 10.2.1", "ISO 27001 A.8.15", "DORA Art. 10"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("loadBalancerType").AsString() == "gateway")
        {
            yield break;
        }

        var logs = resource.Property("accessLogs");
        if (logs.IsUnknown)
        {
            yield break;
        }

        if (logs["enabled"].AsBoolean() != true || logs["bucket"].AsString() is not { Length: > 0 } && !logs["bucket"].IsUnknown)
        {
            yield return new PropertyIssue("accessLogs", "accessLogs are not enabled with a bucket");
        }
    }
}
