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
        Input<string>? cidr = rule.Peer.Kind == RulePeerKind.Cidr ? (Input<string>)rule.Peer.Value : null;
        var prefixList = cidr is null && rule.Peer.IsPrefixList ? Peer(rule, peerId) : null;
        var group = cidr is null && prefixList is null ? Peer(rule, peerId) : null;
        if (rule.Direction == RuleDirection.Ingress)
        {
            return new SecurityGroupIngressRule(name, new SecurityGroupIngressRuleArgs
            {
                SecurityGroupId = securityGroupId,
                IpProtocol = rule.Protocol,
                FromPort = rule.Port,
                ToPort = rule.Port,
                Description = rule.Description,
                Tags = ResourceTags.Map(tags),
                CidrIpv4 = cidr,
                PrefixListId = prefixList,
                ReferencedSecurityGroupId = group,
            }, options);
        }
        return new SecurityGroupEgressRule(name, new SecurityGroupEgressRuleArgs
        {
            SecurityGroupId = securityGroupId,
            IpProtocol = rule.Protocol,
            FromPort = rule.Port,
            ToPort = rule.Port,
            Description = rule.Description,
            Tags = ResourceTags.Map(tags),
            CidrIpv4 = cidr,
            PrefixListId = prefixList,
            ReferencedSecurityGroupId = group,
        }, options);
    }

    private static Input<string> Peer(SecurityRule rule, Input<string>? peerId) =>
        peerId ?? throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"rule {rule.Key} needs the id of its peer {rule.Peer}"), nameof(peerId));
}
