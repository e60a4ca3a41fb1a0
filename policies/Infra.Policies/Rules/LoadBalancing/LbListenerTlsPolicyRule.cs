using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.LoadBalancing;

/// <summary>
/// HTTPS and TLS listeners use a TLS 1.3 security policy (TLS 1.2 minimum, forward secrecy, no CBC "Ext" suites).
/// Flags: <c>sslPolicy: "ELBSecurityPolicy-2016-08"</c>.
/// </summary>
public sealed class LbListenerTlsPolicyRule : PolicyRule
{
    public const string Code = "aws-lb-listener-modern-tls-policy";

    public override string Id => Code;

    public override string Title => "HTTPS listeners use a modern TLS policy";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.LbListener];

    public override string Rationale => "TLS 1.0/1.1 and weak ciphers are forbidden for cardholder and banking data.";

    public override string Remediation => "Set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or a TLS13-1-2/1-3 policy without 'Ext').";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 4.2.1", "ISO 27001 A.8.24", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("protocol").AsString() is not ("HTTPS" or "TLS"))
        {
            yield break;
        }

        var policy = resource.Property("sslPolicy");
        if (policy.IsUnknown)
        {
            yield break;
        }

        if (policy.AsString() is not { } name || !IsModern(name))
        {
            yield return new PropertyIssue("sslPolicy", $"sslPolicy is {(policy.IsPresent ? $"'{policy}'" : "not set")}; expected a TLS 1.3 policy such as ELBSecurityPolicy-TLS13-1-2-2021-06");
        }
    }

    internal static bool IsModern(string name) =>
        (name.StartsWith("ELBSecurityPolicy-TLS13-1-2-", StringComparison.Ordinal)
            || name.StartsWith("ELBSecurityPolicy-TLS13-1-3-", StringComparison.Ordinal))
        && !name.Contains("-Ext", StringComparison.Ordinal);
}
