using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vault;

/// <summary>
/// PKI roles issue certificates for names only: no IP SAN, not localhost, no name outside the allowed domains,
/// and with a maximum lifetime. Flags: <c>new vault.pkiSecret.SecretBackendRole("ledger", { allowedDomains: [...] })</c>,
/// because the provider's defaults allow IP SANs and localhost; also <c>allowAnyName: true</c> and a role without <c>maxTtl</c>.
/// </summary>
public sealed class VaultPkiRoleNoIpOrLocalhostRule : PolicyRule
{
    public const string Code = "vault-pki-role-names-only";

    public override string Id => Code;

    public override string Title => "Vault PKI roles issue no IP SAN, no localhost and no arbitrary name, for a bounded time";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.VaultPkiRole];

    public override string Rationale => "A certificate for an IP address or localhost is valid wherever that address answers, so a service could "
        + "impersonate another on a shared or reused address; without maxTtl a certificate lives as long as the mount allows.";

    public override string Remediation => "Set allowIpSans and allowLocalhost to false (their defaults are true), allowAnyName to false, and maxTtl.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 4.2.1", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        // Unset is the provider's default: true for both.
        foreach (var flag in new[] { "allowIpSans", "allowLocalhost" })
        {
            var value = resource.Property(flag);
            if (!value.IsUnknown && value.AsBoolean() != false)
            {
                yield return new PropertyIssue(flag, $"{flag} is {(value.IsPresent ? value.ToString() : "not set (the provider's default is true)")}; expected false");
            }
        }
        var anyName = resource.Property("allowAnyName");
        if (!anyName.IsUnknown && anyName.AsBoolean() == true)
        {
            yield return new PropertyIssue("allowAnyName", "allowAnyName is true: the role signs any name; expected false with allowedDomains");
        }
        var maxTtl = resource.Property("maxTtl");
        if (!maxTtl.IsUnknown && (!maxTtl.IsPresent || string.IsNullOrEmpty(maxTtl.ToString()) || maxTtl.ToString() == "0"))
        {
            yield return new PropertyIssue("maxTtl", "maxTtl is not set: certificates live as long as the mount allows; expected the certificate lifetime");
        }
    }
}
