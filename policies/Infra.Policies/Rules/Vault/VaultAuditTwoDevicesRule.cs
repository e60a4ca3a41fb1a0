using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vault;

/// <summary>
/// A stack that configures Vault has at least two audit devices of different types (a file, and syslog or a socket
/// to the SIEM). Flags: a stack whose only <c>vault:index/audit:Audit</c> is <c>{ type: "file" }</c>, or none.
/// </summary>
public sealed class VaultAuditTwoDevicesRule : PolicyRule
{
    public const string Code = "vault-audit-two-devices";

    public override string Id => Code;

    public override string Title => "Vault has at least two audit devices of different types";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.VaultAudit];

    public override string Rationale => "Vault refuses every request when it can write to no audit device: with one device, a full disk "
        + "stops every service's login; and a regulator expects the audit trail outside the server.";

    public override string Remediation => "Enable a file device and a syslog or socket device forwarded to the SIEM (VaultBlueprints.AuditDevices).";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 10.2", "PCI DSS 10.3.3", "ISO 27001 A.8.15", "DORA Art. 10"];

    public override IEnumerable<RuleFinding> Evaluate(ResourceSet resources, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var vault = resources.Where(r => r.Custom && r.Type.StartsWith("vault:", StringComparison.Ordinal)).ToList();
        if (vault.Count == 0)
        {
            yield break;
        }

        var devices = resources.OfType(TypeTokens.VaultAudit);
        var types = devices.Select(d => d.Property("type")).ToList();
        if (types.Any(t => t.IsUnknown))
        {
            yield break;
        }

        var distinct = types.Select(t => t.AsString() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (devices.Count < 2 || distinct.Count < 2)
        {
            var subject = devices.Count > 0 ? devices[0] : vault[0];
            yield return Finding(subject, devices.Count == 0
                ? "the stack configures Vault but no audit device"
                : $"{devices.Count} audit device(s) of type {string.Join(", ", distinct)}; at least two of different types are required (a file, and syslog or a socket to the SIEM)");
        }
    }
}
