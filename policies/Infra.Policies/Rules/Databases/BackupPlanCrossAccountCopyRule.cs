using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// Every rule of an AWS Backup plan copies its recovery points to a vault in another account, so that whoever controls
/// this account (an attacker, a mistaken pipeline) cannot delete every copy. The plan's own account is read from its ARN,
/// else from its provider's single allowed account; when neither is known the rule does not judge the account.
/// Flags: <c>rules: [{ ruleName: "daily", targetVaultName: "ledger" }]</c> without <c>copyActions</c>, or a copy to a vault of the same account.
/// </summary>
public sealed class BackupPlanCrossAccountCopyRule : PolicyRule
{
    public const string Code = "aws-backup-plan-cross-account-copy";

    public override string Id => Code;

    public override string Title => "Backup plans copy every recovery point to another account";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.BackupPlan];

    public override string Rationale => "Ransomware and a compromised deploy role delete backups in the account they control; a copy in a separate backup account under a vault lock survives both.";

    public override string Remediation => "Add to every rule a copyActions entry whose destinationVaultArn is a vault of the backup account (with a vault lock).";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 12.10.1", "ISO 27001 A.8.13", "DORA Art. 12"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var rules = resource.Property("rules");
        if (rules.IsUnknown)
        {
            yield break;
        }

        var ownAccount = OwnAccount(resource, resources);
        for (var i = 0; i < rules.Items.Count; i++)
        {
            var rule = rules.Items[i];
            var copies = rule["copyActions"];
            if (rule.IsUnknown || copies.IsUnknown || copies.Items.Any(c => c.IsUnknown || c["destinationVaultArn"].IsUnknown))
            {
                continue;
            }

            var name = rule["ruleName"].AsString() ?? $"rules[{i}]";
            var destinations = copies.Items.Select(c => c["destinationVaultArn"].AsString()).ToList();
            if (destinations.Count == 0)
            {
                yield return new PropertyIssue($"rules[{i}].copyActions", $"rule '{name}' keeps its recovery points in this account only (no copyActions)");
            }
            else if (ownAccount is not null && !destinations.Any(arn => AccountOf(arn) is { } account && account != ownAccount))
            {
                yield return new PropertyIssue($"rules[{i}].copyActions[0].destinationVaultArn",
                    $"rule '{name}' copies to no vault outside its own account {ownAccount}; expected a vault ARN of the backup account");
            }
        }
    }

    private static string? OwnAccount(PolicyResource plan, ResourceSet resources)
    {
        if (AccountOf(plan.Outputs["arn"].AsString()) is { } account)
        {
            return account;
        }

        var allowed = plan.ProviderUrn is { } urn ? resources.FindByUrn(urn)?.Property("allowedAccountIds") : null;
        return allowed is { IsUnknown: false } && allowed.AsStrings().ToList() is [var only] ? only : null;
    }

    private static string? AccountOf(string? arn) =>
        arn?.Split(':') is { Length: > 5 } parts && parts[0] == "arn" && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit) ? parts[4] : null;
}
