using Infra.Policies.Rules.LoadBalancing;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the LoadBalancing rules: load balancers and listeners.</summary>
internal static class LoadBalancingFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["listener: HTTPS passes"] = new(LbListenerHttpsRule.Code, false, Production,
            [Resource(Listener, "https", """{"port":443,"protocol":"HTTPS","sslPolicy":"ELBSecurityPolicy-TLS13-1-2-2021-06","certificateArn":"arn:aws:acm:eu-west-3:444455556666:certificate/1"}""")]),
        ["listener: HTTP redirecting to HTTPS passes"] = new(LbListenerHttpsRule.Code, false, Production,
            [Resource(Listener, "http", """{"port":80,"protocol":"HTTP","defaultActions":[{"type":"redirect","redirect":{"port":"443","protocol":"HTTPS","statusCode":"HTTP_301"}}]}""")]),
        ["listener: HTTP forwarding fails"] = new(LbListenerHttpsRule.Code, true, Production,
            [Resource(Listener, "http", """{"port":80,"protocol":"HTTP","defaultActions":[{"type":"forward","targetGroupArn":"arn:aws:elasticloadbalancing:eu-west-3:444455556666:targetgroup/ledger/1"}]}""")]),
        ["tls policy: TLS 1.3 policy passes"] = new(LbListenerTlsPolicyRule.Code, false, Production,
            [Resource(Listener, "https", """{"protocol":"HTTPS","sslPolicy":"ELBSecurityPolicy-TLS13-1-2-2021-06"}""")]),
        ["tls policy: 2016-08 policy fails"] = new(LbListenerTlsPolicyRule.Code, true, Production,
            [Resource(Listener, "https", """{"protocol":"HTTPS","sslPolicy":"ELBSecurityPolicy-2016-08"}""")], "ELBSecurityPolicy-2016-08"),
        ["tls policy: Ext policy fails"] = new(LbListenerTlsPolicyRule.Code, true, Production,
            [Resource(Listener, "tls", """{"protocol":"TLS","sslPolicy":"ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06"}""")]),
        ["access logs: enabled with a bucket passes"] = new(LbAccessLogsRule.Code, false, Production,
            [Resource(LoadBalancer, "internal", """{"accessLogs":{"bucket":"bank-lb-logs-production","enabled":true,"prefix":"internal"}}""")]),
        ["access logs: missing fails"] = new(LbAccessLogsRule.Code, true, Production,
            [Resource(LoadBalancer, "internal", """{"internal":true,"loadBalancerType":"application"}""")]),
        ["headers: dropping invalid headers passes"] = new(LbDropInvalidHeadersRule.Code, false, Production,
            [Resource(LoadBalancer, "internal", """{"loadBalancerType":"application","dropInvalidHeaderFields":true}""")]),
        ["headers: network load balancer passes"] = new(LbDropInvalidHeadersRule.Code, false, Production,
            [Resource(LoadBalancer, "kafka-nlb", """{"loadBalancerType":"network"}""")]),
        ["headers: application load balancer keeping them fails"] = new(LbDropInvalidHeadersRule.Code, true, Production,
            [Resource(LoadBalancer, "internal", """{"loadBalancerType":"application","dropInvalidHeaderFields":false}""")]),
        ["target tls: restricted data over HTTPS passes"] = new(LbTargetGroupTlsRule.Code, false, Production,
        [
            Resource(TargetGroup, "ledger-tg", """{"port":8443,"protocol":"HTTPS","tags":{"data-classification":"restricted"}}"""),
            Resource(TargetGroup, "status-tg", """{"port":8080,"protocol":"HTTP","tags":{"data-classification":"internal"}}"""),
        ]),
        ["target tls: confidential data over HTTP fails"] = new(LbTargetGroupTlsRule.Code, true, Production,
            [Resource(TargetGroup, "back-office-tg", """{"port":8080,"protocol":"HTTP","tags":{"data-classification":"confidential"}}""")], "protocol is HTTP for confidential data"),
        ["target tls: restricted data over HTTP, tagged through the provider's default tags, fails"] = new(LbTargetGroupTlsRule.Code, true, Staging,
            [Resource(TargetGroup, "ledger-tg", """{"port":8080,"protocol":"HTTP"}""", outputs: """{"tagsAll":{"data-classification":"restricted"}}""", stack: "staging")], "restricted"),
    };
}
