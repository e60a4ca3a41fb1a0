using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Account;

/// <summary>
/// Where the stack enables Security Hub, it subscribes that region to the CIS AWS Foundations and the PCI DSS standards.
/// Flags: <c>new aws.securityhub.Account("eu-west-3")</c> with only the CIS subscription under the same provider.
/// </summary>
public sealed class SecurityHubStandardsRule : PolicyRule
{
    public const string Code = "aws-securityhub-cis-and-pci-standards";

    private static readonly (string ArnPart, string Name)[] Standards =
        [("standards/cis-aws-foundations-benchmark/", "CIS AWS Foundations"), ("standards/pci-dss/", "PCI DSS")];

    public override string Id => Code;

    public override string Title => "Security Hub checks the CIS AWS Foundations and PCI DSS standards";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.SecurityHubAccount, TypeTokens.SecurityHubStandardsSubscription];

    public override string Rationale => "The bank is audited on both standards; Security Hub's checks of them are the continuous evidence between audits, in every region the bank uses.";

    public override string Remediation => "Add aws.securityhub.StandardsSubscription resources for standards/cis-aws-foundations-benchmark/v/3.0.0 and standards/pci-dss/v/4.0.1 with the same provider.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 4.16", "PCI DSS 11.5.1", "ISO 27001 A.5.36", "DORA Art. 10"];

    public override IEnumerable<RuleFinding> Evaluate(ResourceSet resources, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var subscriptions = resources.OfType(TypeTokens.SecurityHubStandardsSubscription);
        if (subscriptions.Any(s => s.Property("standardsArn").IsUnknown))
        {
            yield break;
        }

        foreach (var account in resources.OfType(TypeTokens.SecurityHubAccount))
        {
            if (account.Property("enableDefaultStandards").AsBoolean() == true)
            {
                continue;
            }

            var arns = subscriptions.Where(s => s.ProviderUrn == account.ProviderUrn).Select(s => s.Property("standardsArn").AsString() ?? "").ToList();
            var missing = Standards.Where(standard => !arns.Any(arn => arn.Contains(standard.ArnPart, StringComparison.Ordinal))).Select(s => s.Name).ToList();
            if (missing.Count > 0)
            {
                yield return Finding(account, $"Security Hub is enabled without the {string.Join(" and ", missing)} standard in this region");
            }
        }
    }
}
