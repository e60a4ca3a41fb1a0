using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vpn;

/// <summary>
/// Client VPN endpoints log every connection to CloudWatch.
/// Flags: <c>connectionLogOptions: { enabled: false }</c>.
/// </summary>
public sealed class ClientVpnConnectionLoggingRule : PolicyRule
{
    public const string Code = "aws-clientvpn-connection-logging";

    public override string Id => Code;

    public override string Title => "Client VPN endpoints log connections";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.ClientVpnEndpoint];

    public override string Rationale => "Who connected from where and when is the first question of an investigation into remote access.";

    public override string Remediation => "Set connectionLogOptions.enabled to true with a cloudwatchLogGroup that keeps events a year.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 10.2.1", "PCI DSS 10.2.2", "ISO 27001 A.8.15", "ISO 27001 A.8.16", "DORA Art. 10"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var enabled = resource.Property("connectionLogOptions")["enabled"];
        if (!enabled.IsUnknown && enabled.AsBoolean() != true)
        {
            yield return new PropertyIssue("connectionLogOptions.enabled", $"connectionLogOptions.enabled is {(enabled.IsPresent ? enabled.ToString() : "not set")}; connections go unrecorded");
        }
    }
}
