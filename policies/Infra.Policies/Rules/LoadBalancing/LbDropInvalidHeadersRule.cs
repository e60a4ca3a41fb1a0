using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.LoadBalancing;

/// <summary>
/// Application load balancers drop invalid HTTP headers.
/// Flags: an application <c>aws.lb.LoadBalancer</c> with <c>dropInvalidHeaderFields: false</c> (the default).
/// </summary>
public sealed class LbDropInvalidHeadersRule : PolicyRule
{
    public const string Code = "aws-lb-drop-invalid-header-fields";

    public override string Id => Code;

    public override string Title => "Application load balancers drop invalid header fields";

    public override RuleSeverity Severity => RuleSeverity.Low;

    public override EnforcementLevel DefaultEnforcement => EnforcementLevel.Advisory;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.LbLoadBalancer];

    public override string Rationale => "Invalid header names are a vector for HTTP desync and request smuggling.";

    public override string Remediation => "Set dropInvalidHeaderFields to true.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 6.4.1", "ISO 27001 A.8.20"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var type = resource.Property("loadBalancerType").AsString() ?? "application";
        if (type == "application" && !resource.Property("loadBalancerType").IsUnknown && !resource.Property("dropInvalidHeaderFields").IsUnknown
            && resource.Property("dropInvalidHeaderFields").AsBoolean() != true)
        {
            yield return new PropertyIssue("dropInvalidHeaderFields", "dropInvalidHeaderFields is not true");
        }
    }
}
