using System.Globalization;
using Infra.Blueprints.Aws;
using Pulumi;
using Pulumi.Aws.Vpc;

namespace Infra.Components.Fleets;

/// <summary>Creates one security group rule of a blueprint: a vpc ingress or egress rule resource.</summary>
internal static class SecurityRuleResources
{
    /// <param name="peerSecurityGroupId">The peer's group id, for peers that are security groups or fleets; null for a CIDR peer.</param>
    public static CustomResource Create(
        string name,
        SecurityRule rule,
        Input<string> securityGroupId,
        Input<string>? peerSecurityGroupId,
        IEnumerable<ResourceTag> tags,
        CustomResourceOptions options)
    {
        var description = rule.Description;
        if (rule.Direction == RuleDirection.Ingress)
        {
            var args = new SecurityGroupIngressRuleArgs
            {
                SecurityGroupId = securityGroupId,
                IpProtocol = rule.Protocol,
                FromPort = rule.Port,
                ToPort = rule.Port,
                Description = description,
                Tags = ResourceTags.Map(tags),
            };
            if (rule.Peer.Kind == RulePeerKind.Cidr)
            {
                args.CidrIpv4 = rule.Peer.Value;
            }
            else
            {
                args.ReferencedSecurityGroupId = Peer(rule, peerSecurityGroupId);
            }
            return new SecurityGroupIngressRule(name, args, options);
        }
        var egress = new SecurityGroupEgressRuleArgs
        {
            SecurityGroupId = securityGroupId,
            IpProtocol = rule.Protocol,
            FromPort = rule.Port,
            ToPort = rule.Port,
            Description = description,
            Tags = ResourceTags.Map(tags),
        };
        if (rule.Peer.Kind == RulePeerKind.Cidr)
        {
            egress.CidrIpv4 = rule.Peer.Value;
        }
        else
        {
            egress.ReferencedSecurityGroupId = Peer(rule, peerSecurityGroupId);
        }
        return new SecurityGroupEgressRule(name, egress, options);
    }

    private static Input<string> Peer(SecurityRule rule, Input<string>? peerSecurityGroupId) =>
        peerSecurityGroupId ?? throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"rule {rule.Key} needs the security group id of its peer {rule.Peer}"), nameof(peerSecurityGroupId));
}
