using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.LoadBalancing;

/// <summary>
/// A target group that carries confidential or restricted data forwards over HTTPS, so the data is encrypted up to the server.
/// Flags: <c>new aws.lb.TargetGroup("ledger", { protocol: "HTTP", port: 8080, tags: { "data-classification": "restricted" } })</c>.
/// </summary>
public sealed class LbTargetGroupTlsRule : PolicyRule
{
    public const string Code = "aws-lb-target-group-tls-for-confidential-data";

    private static readonly string[] ProtectedLevels = ["confidential", "restricted"];

    public override string Id => Code;

    public override string Title => "Target groups with confidential or restricted data forward over HTTPS";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.LbTargetGroup];

    public override string Rationale => "The load balancer ends the client's TLS; behind it, plain HTTP shows customer data and tokens to anyone who can capture VPC traffic.";

    public override string Remediation => "Serve the service on a TLS port (port 8443 or 9443: the stack then sets protocol HTTPS and the health check follows), with its certificate from the Vault PKI.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 4.2.1", "ISO 27001 A.8.24", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var protocol = resource.Property("protocol").AsString();
        var sources = Tags.Sources(resource);
        if (protocol != "HTTP" || Tags.IsUnknown(sources, "data-classification")
            || Tags.Get(resource, sources, "data-classification") is not { } level || !ProtectedLevels.Contains(level))
        {
            yield break;
        }

        yield return new PropertyIssue("protocol", $"protocol is HTTP for {level} data; expected HTTPS");
    }
}
