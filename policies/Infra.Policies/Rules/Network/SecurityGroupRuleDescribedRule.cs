using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Network;

/// <summary>
/// Every security group permission says what it is for.
/// Flags: <c>aws.vpc.SecurityGroupIngressRule { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: ... }</c> without a description.
/// </summary>
public sealed class SecurityGroupRuleDescribedRule : PolicyRule
{
    public const string Code = "aws-ec2-securitygroup-rule-described";

    public override string Id => Code;

    public override string Title => "Every security group permission has a description";

    public override RuleSeverity Severity => RuleSeverity.Low;

    public override IReadOnlyList<string> ResourceTypes { get; } =
        [TypeTokens.SecurityGroup, TypeTokens.SecurityGroupRule, TypeTokens.SecurityGroupIngressRule, TypeTokens.SecurityGroupEgressRule];

    public override string Rationale => "The firewall review must tell why each port is open; a permission nobody can explain is never removed.";

    public override string Remediation => "Set description to the business need (the peer and the protocol, e.g. \"payments-api calls the ledger over HTTPS\").";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 1.2.5", "ISO 27001 A.8.20"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Type != TypeTokens.SecurityGroup)
        {
            if (IsMissing(resource.Property("description")))
            {
                yield return new PropertyIssue("description", "the permission has no description");
            }

            yield break;
        }

        foreach (var direction in (string[])["ingress", "egress"])
        {
            var permissions = resource.Property(direction).Items;
            for (var i = 0; i < permissions.Count; i++)
            {
                if (IsMissing(permissions[i]["description"]) && !permissions[i].IsUnknown)
                {
                    yield return new PropertyIssue($"{direction}[{i}].description", $"{direction}[{i}] has no description");
                }
            }
        }
    }

    private static bool IsMissing(PropertyValue description) => !description.IsUnknown && string.IsNullOrWhiteSpace(description.AsString());
}
