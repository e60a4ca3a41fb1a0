using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Network;

/// <summary>
/// No ingress from internet addresses, judged as ranges (so <c>0.0.0.0/1</c> and <c>2000::/3</c> count as much as <c>0.0.0.0/0</c>),
/// except HTTPS (443) on a load balancer's security group.
/// Flags: <c>ingress: [{ protocol: "tcp", fromPort: 8443, toPort: 8443, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] }]</c>.
/// </summary>
public sealed class SecurityGroupPublicIngressRule : PolicyRule
{
    public const string Code = "aws-ec2-securitygroup-no-public-ingress";

    public override string Id => Code;

    public override string Title => "Security groups allow no ingress from internet addresses, except HTTPS on load balancers";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } =
        [TypeTokens.SecurityGroup, TypeTokens.SecurityGroupRule, TypeTokens.SecurityGroupIngressRule];

    public override string Rationale => "Services are reached through the load balancers; anything else open to the internet is attack surface.";

    public override string Remediation => "Allow the load balancer's security group or the VPN ranges instead of internet ranges (any range outside 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7); only a load balancer may accept 443 from anywhere.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 5.2", "CIS AWS 5.3", "PCI DSS 1.3.1", "ISO 27001 A.8.20", "DORA Art. 9"];

    /// <summary>Whether a group belongs to a load balancer is known only from the load balancers of the stack.</summary>
    public override RuleScope Scope => RuleScope.Stack;

    public override IEnumerable<RuleFinding> Evaluate(ResourceSet resources, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var loadBalancerGroups = LoadBalancerGroups(resources);
        foreach (var resource in ResourceTypes.SelectMany(resources.OfType))
        {
            var groupId = resource.Type == TypeTokens.SecurityGroup ? resource.Id : resource.Property("securityGroupId").AsString();
            var groupUrn = resource.Type == TypeTokens.SecurityGroup ? resource.Urn : null;
            var onLoadBalancer = (groupId is not null && loadBalancerGroups.Contains(groupId))
                || (groupUrn is not null && loadBalancerGroups.Contains(groupUrn))
                || resource.Dependencies.Any(loadBalancerGroups.Contains);
            foreach (var ingress in Ingress.Of(resource))
            {
                foreach (var (path, cidr) in ingress.PublicSources)
                {
                    if (onLoadBalancer && ingress.IsOnly(443) && ingress.Protocol == "tcp")
                    {
                        continue;
                    }

                    yield return Finding(resource, onLoadBalancer
                        ? $"ingress from {cidr} (internet addresses) on {ingress.Ports}; a load balancer may accept only tcp 443 from the internet"
                        : $"ingress from {cidr} (internet addresses) on {ingress.Ports}; only a load balancer's security group may accept traffic from the internet", path);
                }
            }
        }
    }

    /// <summary>Ids and URNs of security groups that a load balancer uses.</summary>
    private static HashSet<string> LoadBalancerGroups(ResourceSet resources)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var loadBalancer in resources.OfType(TypeTokens.LbLoadBalancer))
        {
            groups.UnionWith(loadBalancer.Property("securityGroups").AsStrings());
            groups.UnionWith(loadBalancer.Dependencies.Where(d => resources.FindByUrn(d)?.Type == TypeTokens.SecurityGroup));
        }

        return groups;
    }
}
