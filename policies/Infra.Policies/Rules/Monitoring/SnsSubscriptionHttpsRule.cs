using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Monitoring;

/// <summary>
/// Alert subscriptions deliver over HTTPS, never plain HTTP.
/// Flags: <c>new aws.sns.TopicSubscription("oncall", { protocol: "http", endpoint: "http://oncall.example-bank.eu/hooks" })</c>.
/// </summary>
public sealed class SnsSubscriptionHttpsRule : PolicyRule
{
    public const string Code = "aws-sns-subscription-https";

    public override string Id => Code;

    public override string Title => "Alert subscriptions deliver over HTTPS";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.SnsTopicSubscription];

    public override string Rationale => "Alerts name accounts, resources and customers' symptoms, and an HTTP hook can be answered by anyone on the path: a forged acknowledgement silences a page.";

    public override string Remediation => "Set protocol to https and the endpoint to the paging service's https:// URL.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 4.2.1", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var protocol = resource.Property("protocol").AsString();
        var endpoint = resource.Property("endpoint");
        if (protocol == "http")
        {
            yield return new PropertyIssue("protocol", "protocol is http: alerts travel in clear");
        }
        else if (protocol == "https" && !endpoint.IsUnknown && !endpoint.IsSecret
            && endpoint.AsString() is { } url && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            yield return new PropertyIssue("endpoint", "the endpoint is not an https:// URL");
        }
    }
}
