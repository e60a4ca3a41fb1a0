using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.LoadBalancing;

/// <summary>
/// Listeners speak HTTPS (or TLS); a plain HTTP listener may only redirect to HTTPS.
/// Flags: <c>new aws.lb.Listener("web", { port: 80, protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn }] })</c>.
/// </summary>
public sealed class LbListenerHttpsRule : PolicyRule
{
    public const string Code = "aws-lb-listener-https";

    public override string Id => Code;

    public override string Title => "Load balancer listeners use HTTPS";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.LbListener];

    public override string Rationale => "Customer and service traffic carries credentials and personal data; it is encrypted in transit everywhere.";

    public override string Remediation => "Use protocol HTTPS with a certificate, or make the HTTP listener's default action a redirect with protocol HTTPS.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 4.2.1", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("protocol").AsString() != "HTTP")
        {
            yield break;
        }

        var actions = resource.Property("defaultActions");
        if (actions.IsUnknown || actions.Items.Any(a => a["type"].IsUnknown || a["redirect"]["protocol"].IsUnknown))
        {
            yield break;
        }

        var redirectsToHttps = resource.Property("defaultActions").Items.Count > 0
            && resource.Property("defaultActions").Items.All(a =>
                a["type"].AsString() == "redirect" && a["redirect"]["protocol"].AsString() == "HTTPS");
        if (!redirectsToHttps)
        {
            yield return new PropertyIssue("defaultActions", "protocol is HTTP and the default action does not redirect to HTTPS");
        }
    }
}
