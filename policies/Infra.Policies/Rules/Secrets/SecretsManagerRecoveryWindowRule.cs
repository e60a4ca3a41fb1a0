using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Secrets;

/// <summary>
/// A deleted secret can be recovered: <c>recoveryWindowInDays</c> is not 0 (AWS keeps it 7 to 30 days; 30 by default).
/// Flags: <c>new aws.secretsmanager.Secret("ledger-master", { recoveryWindowInDays: 0 })</c>.
/// </summary>
public sealed class SecretsManagerRecoveryWindowRule : PolicyRule
{
    public const string Code = "aws-secretsmanager-secret-recoverable";

    public override string Id => Code;

    public override string Title => "Deleted secrets stay recoverable";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.SecretsManagerSecret];

    public override string Rationale => "The master secrets are the break-glass copy of the databases' credentials; with a window of 0 a mistaken deletion (or a replaced resource) destroys them at once.";

    public override string Remediation => "Remove recoveryWindowInDays (30 days) or set it between 7 and 30.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.13", "DORA Art. 12"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("recoveryWindowInDays").AsNumber() is 0)
        {
            yield return new PropertyIssue("recoveryWindowInDays", "recoveryWindowInDays is 0: a deletion cannot be undone");
        }
    }
}
