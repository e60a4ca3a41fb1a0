using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vault;

/// <summary>
/// No private key is made by Vault for Pulumi: a key Vault returns lands in the stack's state. Flags every
/// <c>new vault.pkiSecret.SecretBackendCert(...)</c> (Vault generates the key and returns it, e.g. a person's VPN
/// certificate; sign a CSR the holder's device made instead, <c>SecretBackendSign</c> or Vault's <c>sign</c> endpoint),
/// and a root, an intermediate's CSR or a key of <c>type: "exported"</c> (<c>internal</c> keeps the key in Vault).
/// </summary>
public sealed class VaultPkiNoPrivateKeyInStateRule : PolicyRule
{
    public const string Code = "vault-pki-no-private-key-in-state";

    public override string Id => Code;

    public override string Title => "No Vault PKI resource brings a private key into Pulumi's state";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } =
        [TypeTokens.VaultPkiCert, TypeTokens.VaultPkiRootCert, TypeTokens.VaultPkiIntermediateCertRequest, TypeTokens.VaultPkiKey];

    public override string Rationale => "Whoever reads the state (every deployer, every backup of the state bucket) would hold the key: "
        + "a person's VPN key would let anyone with the state connect as that person, and a CA's key would let them issue anything.";

    public override string Remediation => "Let the holder's device make the key and have Vault sign its CSR (vault write <mount>/sign/<role>, "
        + "or SecretBackendSign); give a CA type \"internal\" so that its key stays in Vault.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 3.6.1", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Type == TypeTokens.VaultPkiCert)
        {
            yield return new PropertyIssue("commonName",
                $"Vault generates the private key of '{resource.Property("commonName")}' and returns it into the state; expected a CSR signed for a key made on the holder's device");
            yield break;
        }
        var type = resource.Property("type");
        if (!type.IsUnknown && type.AsString() == "exported")
        {
            yield return new PropertyIssue("type", "type is \"exported\": Vault returns the private key into the state; expected \"internal\"");
        }
    }
}
