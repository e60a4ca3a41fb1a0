using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vault;

/// <summary>
/// Audit devices hash what they log: no <c>log_raw</c>, no unhashed token accessors.
/// Flags: <c>new vault.Audit("file", { type: "file", options: { file_path: "/var/log/vault/audit.log", log_raw: "true" } })</c>, or <c>hmac_accessor: "false"</c>.
/// </summary>
public sealed class VaultAuditNoRawSecretsRule : PolicyRule
{
    public const string Code = "vault-audit-no-raw-secrets";

    private static readonly (string Option, string Value, string Effect)[] Leaks =
    [
        ("log_raw", "true", "every secret and token Vault hands out is written to the log in clear"),
        ("hmac_accessor", "false", "token accessors are logged in clear, and an accessor can revoke or look up its token"),
    ];

    public override string Id => Code;

    public override string Title => "Vault audit logs hold no secret in clear";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.VaultAudit];

    public override string Rationale => "The audit log goes to the SIEM, which many people read and which keeps it for a year; it must prove who read what, not repeat what they read.";

    public override string Remediation => "Remove log_raw and hmac_accessor from the device's options (both hash by default).";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 8.3.2", "PCI DSS 10.3.2", "ISO 27001 A.5.17", "ISO 27001 A.8.15"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var options = resource.Property("options");
        foreach (var (option, value, effect) in Leaks)
        {
            var set = options[option];
            if (string.Equals(set.AsString() ?? set.AsBoolean()?.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                yield return new PropertyIssue($"options.{option}", $"options.{option} is {value}: {effect}");
            }
        }
    }
}
