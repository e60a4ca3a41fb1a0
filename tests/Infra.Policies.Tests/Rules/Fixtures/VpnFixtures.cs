using Infra.Policies.Rules.Vpn;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Vpn rules: Client VPN endpoints and authorization rules.</summary>
internal static class VpnFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["vpn authorization: one group passes"] = new(ClientVpnAuthorizationByGroupRule.Code, false, Production,
            [Resource(ClientVpnAuthorization, "platform", """{"clientVpnEndpointId":"cvpn-endpoint-0ac3a1abbccddd666","targetNetworkCidr":"10.60.0.0/16","accessGroupId":"S-1-5-21-platform","authorizeAllGroups":false}""")]),
        ["vpn authorization: all groups fails"] = new(ClientVpnAuthorizationByGroupRule.Code, true, Production,
            [Resource(ClientVpnAuthorization, "all", """{"clientVpnEndpointId":"cvpn-endpoint-0ac3a1abbccddd666","targetNetworkCidr":"10.60.0.0/16","authorizeAllGroups":true}""")], "authorizeAllGroups is true"),
        ["vpn authorization: neither a group nor all groups fails"] = new(ClientVpnAuthorizationByGroupRule.Code, true, Production,
            [Resource(ClientVpnAuthorization, "none", """{"clientVpnEndpointId":"cvpn-endpoint-0ac3a1abbccddd666","targetNetworkCidr":"10.60.0.0/16"}""")], "accessGroupId is not set"),
        ["vpn logging: enabled passes"] = new(ClientVpnConnectionLoggingRule.Code, false, Production,
            [Resource(ClientVpnEndpoint, "staff", """{"serverCertificateArn":"arn:aws:acm:eu-west-3:444455556666:certificate/1","clientCidrBlock":"10.100.0.0/22","connectionLogOptions":{"enabled":true,"cloudwatchLogGroup":"client-vpn"}}""")]),
        ["vpn logging: disabled fails"] = new(ClientVpnConnectionLoggingRule.Code, true, Production,
            [Resource(ClientVpnEndpoint, "staff", """{"clientCidrBlock":"10.100.0.0/22","connectionLogOptions":{"enabled":false}}""")], "false"),
        ["vpn logging: no connectionLogOptions fails"] = new(ClientVpnConnectionLoggingRule.Code, true, Production,
            [Resource(ClientVpnEndpoint, "staff", """{"clientCidrBlock":"10.100.0.0/22"}""")], "not set"),
    };
}
