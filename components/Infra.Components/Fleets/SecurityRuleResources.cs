using System.Globalization;
using Infra.Blueprints.Aws;
using Pulumi;
using Pulumi.Aws.Vpc;

namespace Infra.Components.Fleets;

/// <summary>Creates one security group rule of a blueprint: a vpc ingress or egress rule resource, to a CIDR, a security group or a prefix list.</summary>
internal static class SecurityRuleResources
{
    /// <param name="peerId">The peer's security group or prefix list id, for every peer but a CIDR (null then).</param>
    public static CustomResource Create(
        string name,
        SecurityRule rule,
        Input<string> securityGroupId,
        Input<string>? peerId,
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
            else if (rule.Peer.IsPrefixList)
            {
                args.PrefixListId = Peer(rule, peerId);
            }
            else
            {
                args.ReferencedSecurityGroupId = Peer(rule, peerId);
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
        else if (rule.Peer.IsPrefixList)
        {
            egress.PrefixListId = Peer(rule, peerId);
        }
        else
        {
            egress.ReferencedSecurityGroupId = Peer(rule, peerId);
        }
        return new SecurityGroupEgressRule(name, egress, options);
    }

    private static Input<string> Peer(SecurityRule rule, Input<string>? peerId) =>
        peerId ?? throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"rule {rule.Key} needs the id of its peer {rule.Peer}"), nameof(peerId));
}
