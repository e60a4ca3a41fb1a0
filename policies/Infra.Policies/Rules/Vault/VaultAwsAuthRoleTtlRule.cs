using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vault;

/// <summary>
/// Tokens from the AWS auth method live at most 1 hour, renewable up to 24 hours.
/// Flags: <c>new vault.aws.AuthBackendRole("ledger", { tokenTtl: 0, tokenMaxTtl: 2764800 })</c>.
/// </summary>
public sealed class VaultAwsAuthRoleTtlRule : PolicyRule
{
    public const string Code = "vault-aws-auth-role-token-ttl";

    public const int MaximumTtlSeconds = 3600;
    public const int MaximumMaxTtlSeconds = 86400;

    public override string Id => Code;

    public override string Title => "Vault AWS auth roles issue short-lived tokens";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.VaultAwsAuthRole];

    public override string Rationale => "A token stolen from a server must expire soon; unset TTLs fall back to Vault's 32-day default.";

    public override string Remediation => "Set tokenTtl to at most 3600 and tokenMaxTtl to at most 86400 seconds, tokenTtl not above tokenMaxTtl.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 8.2.8", "ISO 27001 A.8.5"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var ttl = resource.Property("tokenTtl").AsNumber() ?? 0;
        var max = resource.Property("tokenMaxTtl").AsNumber() ?? 0;
        var ttlKnown = !resource.Property("tokenTtl").IsUnknown;
        var maxKnown = !resource.Property("tokenMaxTtl").IsUnknown;
        if (ttlKnown && ttl is <= 0 or > MaximumTtlSeconds)
        {
            yield return new PropertyIssue("tokenTtl", $"tokenTtl is {(ttl <= 0 ? "not set (Vault default: 32 days)" : ttl + " s")}; expected 1 to {MaximumTtlSeconds} s");
        }

        if (!maxKnown)
        {
            yield break;
        }

        if (max is <= 0 or > MaximumMaxTtlSeconds)
        {
            yield return new PropertyIssue("tokenMaxTtl", $"tokenMaxTtl is {(max <= 0 ? "not set (Vault default: 32 days)" : max + " s")}; expected 1 to {MaximumMaxTtlSeconds} s");
        }
        else if (ttlKnown && ttl > max)
        {
            yield return new PropertyIssue("tokenTtl", $"tokenTtl {ttl} s is above tokenMaxTtl {max} s");
        }
    }
}
