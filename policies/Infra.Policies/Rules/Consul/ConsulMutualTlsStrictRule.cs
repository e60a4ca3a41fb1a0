using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Consul;

/// <summary>
/// Mesh services accept only mutual TLS: their service defaults do not set <c>mutualTlsMode: "permissive"</c>.
/// Flags: <c>new consul.ConfigEntryServiceDefaults("ledger", { name: "ledger", protocol: "http", mutualTlsMode: "permissive" })</c>.
/// </summary>
public sealed class ConsulMutualTlsStrictRule : PolicyRule
{
    public const string Code = "consul-service-mutual-tls-strict";

    public override string Id => Code;

    public override string Title => "Mesh services accept only mutual TLS";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.ConsulServiceDefaults];

    public override string Rationale => "In permissive mode the sidecar also accepts plain connections that skip the intentions: segmentation and encryption both stop at that service.";

    public override string Remediation => "Remove mutualTlsMode or set it to \"strict\" once every caller goes through the mesh.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 4.2.1", "ISO 27001 A.8.21", "ISO 27001 A.8.22", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (string.Equals(resource.Property("mutualTlsMode").AsString(), "permissive", StringComparison.OrdinalIgnoreCase))
        {
            yield return new PropertyIssue("mutualTlsMode", $"mutualTlsMode is permissive: '{resource.Property("name").AsString()}' accepts connections without mutual TLS");
        }
    }
}
