using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vault;

/// <summary>
/// Dynamic database credentials live at most 8 hours by default and 24 hours at most.
/// Flags: <c>new vault.database.SecretBackendRole("ledger-read", { defaultTtl: 0, maxTtl: 0 })</c>.
/// </summary>
public sealed class VaultDatabaseRoleTtlRule : PolicyRule
{
    public const string Code = "vault-database-role-ttl-bounds";

    public const int MaximumDefaultTtlSeconds = 8 * 3600;
    public const int MaximumMaxTtlSeconds = 24 * 3600;

    public override string Id => Code;

    public override string Title => "Vault dynamic database credentials are short-lived";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.VaultDatabaseRole];

    public override string Rationale => "Temporary database access granted through Vault must end with the working day.";

    public override string Remediation => "Set defaultTtl to at most 28800 and maxTtl to at most 86400 seconds.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 8.2.8", "ISO 27001 A.5.18"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var defaultTtl = resource.Property("defaultTtl").AsNumber() ?? 0;
        var maxTtl = resource.Property("maxTtl").AsNumber() ?? 0;
        if (!resource.Property("defaultTtl").IsUnknown && defaultTtl is <= 0 or > MaximumDefaultTtlSeconds)
        {
            yield return new PropertyIssue("defaultTtl", $"defaultTtl is {(defaultTtl <= 0 ? "not set (mount default)" : defaultTtl + " s")}; expected 1 to {MaximumDefaultTtlSeconds} s");
        }

        if (!resource.Property("maxTtl").IsUnknown && maxTtl is <= 0 or > MaximumMaxTtlSeconds)
        {
            yield return new PropertyIssue("maxTtl", $"maxTtl is {(maxTtl <= 0 ? "not set (mount default)" : maxTtl + " s")}; expected 1 to {MaximumMaxTtlSeconds} s");
        }
    }
}
