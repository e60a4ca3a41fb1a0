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
        ["sg: two halves of the IPv4 internet fail"] = new(SecurityGroupPublicIngressRule.Code, true, Production,
            [Resource(Sg, "ledger-sg", """{"ingress":[{"protocol":"tcp","fromPort":8443,"toPort":8443,"cidrBlocks":["10.60.0.0/16","0.0.0.0/1","128.0.0.0/1"]}]}""", id: "sg-0svc")],
            "128.0.0.0/1"),
        ["sg: a public IPv6 range fails"] = new(SecurityGroupPublicIngressRule.Code, true, Production,
            [Resource(Sg, "ledger-sg", """{"ingress":[{"protocol":"tcp","fromPort":8443,"toPort":8443,"ipv6CidrBlocks":["2000::/3"]}]}""", id: "sg-0svc")], "2000::/3"),
        ["sg: a range that is not a CIDR fails"] = new(SecurityGroupPublicIngressRule.Code, true, Production,
            [Resource(IngressRule, "odd", """{"ipProtocol":"tcp","fromPort":8443,"toPort":8443,"cidrIpv4":"anywhere","securityGroupId":"sg-0svc"}""")], "anywhere"),
        ["sg: a private range wider than the VPC passes"] = new(SecurityGroupPublicIngressRule.Code, false, Production,
            [Resource(Sg, "ledger-sg", """{"ingress":[{"protocol":"tcp","fromPort":8443,"toPort":8443,"cidrBlocks":["10.0.0.0/8","172.16.0.0/12"],"ipv6CidrBlocks":["fd00:60::/64"]}]}""", id: "sg-0svc")]),
        ["sg: 10.0.0.0/7 reaches beyond the private range and fails"] = new(SecurityGroupPublicIngressRule.Code, true, Production,
            [Resource(Sg, "ledger-sg", """{"ingress":[{"protocol":"tcp","fromPort":8443,"toPort":8443,"cidrBlocks":["10.0.0.0/7"]}]}""", id: "sg-0svc")], "10.0.0.0/7"),
        ["ssh: SSH from the VPN passes"] = new(SecurityGroupAdminPortsRule.Code, false, Production,
            [Resource(IngressRule, "ssh-vpn", """{"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"10.60.0.0/16","securityGroupId":"sg-0svc"}""")]),
        ["ssh: SSH from anywhere fails"] = new(SecurityGroupAdminPortsRule.Code, true, Production,
            [Resource(IngressRule, "ssh-any", """{"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"0.0.0.0/0","securityGroupId":"sg-0svc"}""")], "SSH"),
        ["ssh: all traffic from anywhere includes RDP"] = new(SecurityGroupAdminPortsRule.Code, true, Production,
            [Resource(Sg, "wide-open", """{"ingress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}]}""")], "RDP"),
        ["ssh: SSH from half of the internet fails"] = new(SecurityGroupAdminPortsRule.Code, true, Production,
            [Resource(SgRule, "ssh-half", """{"type":"ingress","protocol":"tcp","fromPort":0,"toPort":1024,"cidrBlocks":["128.0.0.0/1"],"securityGroupId":"sg-0svc"}""")], "SSH"),
        ["ssh: RDP from a public IPv6 range fails"] = new(SecurityGroupAdminPortsRule.Code, true, Production,
            [Resource(IngressRule, "rdp-v6", """{"ipProtocol":"tcp","fromPort":3389,"toPort":3389,"cidrIpv6":"2a01:cb00::/32","securityGroupId":"sg-0svc"}""")], "RDP"),
        ["db ports: PostgreSQL from a fleet's group passes"] = new(SecurityGroupServicePortsBeyondVpcRule.Code, false, Production,
            [Resource(IngressRule, "db-from-ledger", """{"ipProtocol":"tcp","fromPort":5432,"toPort":5432,"referencedSecurityGroupId":"sg-0svc","securityGroupId":"sg-0db"}""")]),
        ["db ports: PostgreSQL from inside the VPC passes"] = new(SecurityGroupServicePortsBeyondVpcRule.Code, false, Production,
            [Resource(IngressRule, "db-from-vpc", """{"ipProtocol":"tcp","fromPort":5432,"toPort":5432,"cidrIpv4":"10.60.32.0/20","securityGroupId":"sg-0db"}""")]),
        ["db ports: an HTTPS port from a partner range passes"] = new(SecurityGroupServicePortsBeyondVpcRule.Code, false, Production,
            [Resource(IngressRule, "partner", """{"ipProtocol":"tcp","fromPort":8443,"toPort":8443,"cidrIpv4":"192.0.2.0/24","securityGroupId":"sg-0svc"}""")]),
        ["db ports: PostgreSQL from a public range fails"] = new(SecurityGroupServicePortsBeyondVpcRule.Code, true, Production,
            [Resource(IngressRule, "db-open", """{"ipProtocol":"tcp","fromPort":5432,"toPort":5432,"cidrIpv4":"192.0.2.0/24","securityGroupId":"sg-0db"}""")], "PostgreSQL"),
        ["db ports: a port range covering Vault and Consul from IPv6 fails"] = new(SecurityGroupServicePortsBeyondVpcRule.Code, true, Production,
            [Resource(Sg, "vault-sg", """{"ingress":[{"protocol":"tcp","fromPort":8200,"toPort":8500,"ipv6CidrBlocks":["2a01:cb00::/32"]}]}""")], "Consul"),
        ["db ports: Redis from another private network fails"] = new(SecurityGroupServicePortsBeyondVpcRule.Code, true, Production,
            [Resource(SgRule, "redis-peer", """{"type":"ingress","protocol":"tcp","fromPort":6379,"toPort":6379,"cidrBlocks":["172.16.0.0/12"],"securityGroupId":"sg-0cache"}""")], "Redis"),
        ["db ports: all traffic from anywhere includes Kafka"] = new(SecurityGroupServicePortsBeyondVpcRule.Code, true, Production,
            [Resource(Sg, "wide-open", """{"ingress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}]}""")], "Kafka"),
        ["egress: HTTPS to the endpoints' group passes"] = new(SecurityGroupNoInternetEgressRule.Code, false, Production,
            [Resource(EgressRule, "ledger-out-aws-endpoints-443", """{"ipProtocol":"tcp","fromPort":443,"toPort":443,"referencedSecurityGroupId":"sg-0endpoints","securityGroupId":"sg-0svc"}""")]),
        ["egress: gossip to the VPC passes"] = new(SecurityGroupNoInternetEgressRule.Code, false, Production,
            [Resource(EgressRule, "ledger-out-consul-gossip-udp-8301", """{"ipProtocol":"udp","fromPort":8301,"toPort":8301,"cidrIpv4":"10.60.0.0/16","securityGroupId":"sg-0svc"}""")]),
        ["egress: HTTPS to 0.0.0.0/0 fails"] = new(SecurityGroupNoInternetEgressRule.Code, true, Production,
            [Resource(EgressRule, "ledger-out-https-443", """{"ipProtocol":"tcp","fromPort":443,"toPort":443,"cidrIpv4":"0.0.0.0/0","securityGroupId":"sg-0svc"}""")], "egress to 0.0.0.0/0 on tcp port 443"),
        ["egress: a group's default all-traffic egress to ::/0 fails"] = new(SecurityGroupNoInternetEgressRule.Code, true, Staging,
            [Resource(Sg, "ledger-sg", """{"egress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"],"ipv6CidrBlocks":["::/0"]}]}""", id: "sg-0svc")], "egress to ::/0 on all ports"),
        ["egress: half of the internet fails"] = new(SecurityGroupNoInternetEgressRule.Code, true, Production,
            [Resource(EgressRule, "ledger-out-half", """{"ipProtocol":"tcp","fromPort":443,"toPort":443,"cidrIpv4":"128.0.0.0/1","securityGroupId":"sg-0svc"}""")], "egress to 128.0.0.0/1"),
        ["egress: a securityGroupRule of type egress to anywhere fails"] = new(SecurityGroupNoInternetEgressRule.Code, true, Production,
            [Resource(SgRule, "ledger-out", """{"type":"egress","protocol":"tcp","fromPort":0,"toPort":65535,"cidrBlocks":["0.0.0.0/0"],"securityGroupId":"sg-0svc"}""")], "tcp ports 0-65535"),
    };
}
