using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Network;

/// <summary>
/// No SSH (22) or RDP (3389) from internet addresses (judged as ranges), whatever the security group.
/// Flags: <c>aws.vpc.SecurityGroupIngressRule { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" }</c>.
/// </summary>
public sealed class SecurityGroupAdminPortsRule : PolicyRule
{
    public const string Code = "aws-ec2-securitygroup-no-ssh-rdp-from-anywhere";

    private static readonly (int Port, string Name)[] AdminPorts = [(22, "SSH"), (3389, "RDP")];

    public override string Id => Code;

    public override string Title => "No SSH or RDP from the internet";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } =
        [TypeTokens.SecurityGroup, TypeTokens.SecurityGroupRule, TypeTokens.SecurityGroupIngressRule];

    public override string Rationale => "Servers are immutable and never administered by hand; an open SSH or RDP port only serves attackers.";

    public override string Remediation => "Remove the rule; use SSM Session Manager or the VPN ranges for break-glass access.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 5.2", "CIS AWS 5.3", "PCI DSS 1.3.1", "ISO 27001 A.8.20"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        foreach (var ingress in Ingress.Of(resource))
        {
            foreach (var (path, cidr) in ingress.PublicSources)
            {
                foreach (var (port, name) in AdminPorts.Where(p => ingress.Covers(p.Port)))
                {
                    yield return new PropertyIssue(path, $"{name} (port {port}) is open to {cidr} (internet addresses) through {ingress.Ports}");
                }
            }
        }
    }
}
