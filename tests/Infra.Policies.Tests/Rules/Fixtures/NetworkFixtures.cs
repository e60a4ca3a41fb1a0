using Infra.Policies.Rules.Network;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Network rules: security groups and their rules.</summary>
internal static class NetworkFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["sg: HTTPS from anywhere on a load balancer's group passes"] = new(SecurityGroupPublicIngressRule.Code, false, Production,
        [
            Resource(Sg, "lb-sg", """{"ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["0.0.0.0/0"],"ipv6CidrBlocks":["::/0"]}]}""", id: "sg-0lb"),
            Resource(LoadBalancer, "public-lb", """{"loadBalancerType":"application","securityGroups":["sg-0lb"]}"""),
        ]),
        ["sg: service port from the VPC passes"] = new(SecurityGroupPublicIngressRule.Code, false, Production,
            [Resource(Sg, "ledger-sg", """{"ingress":[{"protocol":"tcp","fromPort":8443,"toPort":8443,"cidrBlocks":["10.60.0.0/16"]}]}""", id: "sg-0svc")]),
        ["sg: HTTPS from anywhere on a server's group fails"] = new(SecurityGroupPublicIngressRule.Code, true, Production,
            [Resource(Sg, "ledger-sg", """{"ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["0.0.0.0/0"]}]}""", id: "sg-0svc")],
            "only a load balancer's security group"),
        ["sg: securityGroupRule from ::/0 on 8443 fails"] = new(SecurityGroupPublicIngressRule.Code, true, Production,
            [Resource(SgRule, "ledger-in", """{"type":"ingress","protocol":"tcp","fromPort":8443,"toPort":8443,"ipv6CidrBlocks":["::/0"],"securityGroupId":"sg-0svc"}""")],
            "::/0"),
        ["sg: vpc ingress rule 8080 from anywhere on a load balancer fails"] = new(SecurityGroupPublicIngressRule.Code, true, Production,
        [
            Resource(IngressRule, "lb-http-alt", """{"ipProtocol":"tcp","fromPort":8080,"toPort":8080,"cidrIpv4":"0.0.0.0/0","securityGroupId":"sg-0lb"}"""),
            Resource(LoadBalancer, "public-lb", """{"securityGroups":["sg-0lb"]}"""),
        ], "only tcp 443"),
        ["ssh: SSH from the VPN passes"] = new(SecurityGroupAdminPortsRule.Code, false, Production,
            [Resource(IngressRule, "ssh-vpn", """{"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"10.60.0.0/16","securityGroupId":"sg-0svc"}""")]),
        ["ssh: SSH from anywhere fails"] = new(SecurityGroupAdminPortsRule.Code, true, Production,
            [Resource(IngressRule, "ssh-any", """{"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"0.0.0.0/0","securityGroupId":"sg-0svc"}""")], "SSH"),
        ["ssh: all traffic from anywhere includes RDP"] = new(SecurityGroupAdminPortsRule.Code, true, Production,
            [Resource(Sg, "wide-open", """{"ingress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}]}""")], "RDP"),
    };
}
