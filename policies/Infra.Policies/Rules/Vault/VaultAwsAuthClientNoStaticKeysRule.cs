using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vault;

/// <summary>
/// Vault's AWS auth method calls AWS with the Vault servers' own IAM role, not with a stored access key.
/// Flags: <c>new vault.aws.AuthBackendClient("aws", { accessKey: ..., secretKey: ... })</c>.
/// </summary>
public sealed class VaultAwsAuthClientNoStaticKeysRule : PolicyRule
{
    public const string Code = "vault-aws-auth-client-no-static-keys";

    public override string Id => Code;

    public override string Title => "Vault's AWS auth method uses no stored access key";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.VaultAwsAuthClient];

    public override string Rationale => "A stored access key never expires by itself, sits in Vault's storage and in the stack's state, and lets its holder verify or forge logins for every service.";

    public override string Remediation => "Remove accessKey and secretKey: Vault then uses the instance role of its servers (or set stsRole to a role it assumes).";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 8.6.3", "ISO 27001 A.5.17"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        foreach (var key in (string[])["accessKey", "secretKey"])
        {
            var value = resource.Property(key);
            if (value.IsPresent && !value.IsUnknown && (value.IsSecret || value.AsString() is { Length: > 0 }))
            {
                yield return new PropertyIssue(key, $"{key} is set: Vault signs AWS calls with a stored, long-lived key");
            }
        }
    }
}
