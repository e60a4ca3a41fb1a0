using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vault;

/// <summary>
/// Database static roles rotate their password at least weekly in production and monthly in staging.
/// Flags: <c>new vault.database.SecretBackendStaticRole("ledger-app", { rotationPeriod: 7776000 })</c> or no rotation at all.
/// </summary>
public sealed class VaultStaticRoleRotationRule : PolicyRule
{
    public const string Code = "vault-database-static-role-rotation";

    public const int ProductionMaximumSeconds = 7 * 86400;
    public const int StagingMaximumSeconds = 30 * 86400;

    public override string Id => Code;

    public override string Title => "Vault database static roles rotate their password";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.VaultStaticRole];

    public override string Rationale => "Database passwords used to be rotated by scripts on the servers; Vault now rotates them, and the period bounds the life of a leaked password.";

    public override string Remediation => "Set rotationPeriod (seconds) to at most 604800 in production and 2592000 in staging, or a rotationSchedule.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 8.6.3", "ISO 27001 A.5.17"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("rotationSchedule").AsString() is { Length: > 0 }
            || resource.Property("rotationSchedule").IsUnknown || resource.Property("rotationPeriod").IsUnknown)
        {
            yield break;
        }

        var maximum = context.IsProduction ? ProductionMaximumSeconds : StagingMaximumSeconds;
        var period = resource.Property("rotationPeriod").AsNumber();
        if (period is null or <= 0)
        {
            yield return new PropertyIssue("rotationPeriod", "neither rotationPeriod nor rotationSchedule is set: the password never rotates");
        }
        else if (period > maximum)
        {
            yield return new PropertyIssue("rotationPeriod", $"rotationPeriod is {period} s; {context.StackName} allows at most {maximum} s");
        }
    }
}
