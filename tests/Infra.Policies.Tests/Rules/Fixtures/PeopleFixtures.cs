using Infra.Policies.Rules.People;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the People rules: access that outlives a contract or a temporary grant.</summary>
internal static class PeopleFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["end date: membership expiring with the contract passes"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(GroupMembership, "cmurphy-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer","expiresAt":"2026-11-27"}""")]),
        ["end date: membership without expiry for a contractor fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "cmurphy-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer"}""")], "no expiresAt", PropertyPath: "expiresAt"),
        ["end date: leaver still member fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "dkelly-platform", """{"groupId":12,"userId":377,"accessLevel":"maintainer"}""")], "left on 2025-08-29", PropertyPath: "userId"),
        ["end date: expiry after the contract fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "cmurphy-shared", """{"groupId":15,"userId":412,"accessLevel":"developer","expiresAt":"2027-01-31"}""")], "keeps cmurphy a member after their end date 2026-11-27", PropertyPath: "expiresAt"),
        ["end date: expiry the day after the last day passes (GitLab removes on the expiry day)"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(GroupMembership, "people-gitlab-cmurphy-bank-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer","expiresAt":"2026-11-28"}""")]),
        ["end date: expiry two days after the last day fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "people-gitlab-cmurphy-bank-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer","expiresAt":"2026-11-29"}""")], "expect 2026-11-28 at the latest"),
        ["end date: leaver's Vault entity fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(VaultEntity, "people-entity-dkelly", """{"name":"dkelly","metadata":{"managed-by":"infra-people","teams":"platform"}}""")], "dkelly left on 2025-08-29 and still has this Vault entity", PropertyPath: "name"),
        ["end date: Vault entity whose own metadata says the access ended fails without the catalog"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(VaultEntity, "people-entity-zed", """{"name":"zed","metadata":{"managed-by":"infra-people","access-ends":"2026-11-21T16:00:00Z","platform-team":"false"}}""")], "zed left on 2026-11-21"),
        ["end date: a leaver's entity kept disabled passes (Vault refuses its tokens)"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(VaultEntity, "people-entity-zed", """{"name":"zed","disabled":true,"metadata":{"managed-by":"infra-people","access-ends":"2026-11-21T16:00:00Z","platform-team":"false"}}""")]),
        ["end date: a leaver's entity not disabled fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(VaultEntity, "people-entity-zed", """{"name":"zed","disabled":false,"metadata":{"managed-by":"infra-people","access-ends":"2026-11-21T16:00:00Z","platform-team":"false"}}""")], "zed left on 2026-11-21"),
        ["end date: entity of a contractor still in contract passes"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(VaultEntity, "people-entity-cmurphy", """{"name":"cmurphy","metadata":{"managed-by":"infra-people","access-ends":"2026-11-27"}}""")]),
        ["end date: leaver's Consul token fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(ConsulAclToken, "people-consul-token-dkelly", """{"description":"dkelly (team platform); managed by infra-people","policies":["people-write"]}""")], "still has this Consul token", PropertyPath: "description"),
        ["end date: leaver's VPN certificate fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(PkiSign, "people-vpn-cert-dkelly", """{"commonName":"dkelly.vpn.production.internal"}""")], "still has this VPN certificate", PropertyPath: "commonName"),
        ["end date: leaver's VPN authorization fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(ClientVpnAuthorization, "people-vpn-rule-grant-dkelly-10.60.0.0-16", """{"clientVpnEndpointId":"cvpn-endpoint-0a1b","targetNetworkCidr":"10.60.0.0/16","accessGroupId":"person-dkelly","description":"dkelly reaches 10.60.0.0/16 until 2026-12-31 (grant approved by adupont)"}""")],
            "dkelly left on 2025-08-29 and still has this VPN authorization", PropertyPath: "accessGroupId"),
        ["end date: a team's VPN authorization names no person and passes"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(ClientVpnAuthorization, "people-vpn-rule-platform-10.60.0.0-16", """{"clientVpnEndpointId":"cvpn-endpoint-0a1b","targetNetworkCidr":"10.60.0.0/16","accessGroupId":"team-platform","description":"Platform reaches 10.60.0.0/16"}""")]),
        ["end date: Consul token expiring at the end of the last day passes"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(ConsulAclToken, "people-consul-token-cmurphy", """{"description":"cmurphy (team platform); managed by infra-people","policies":["people-write"],"expirationTime":"2026-11-28T00:00:00Z"}""")]),
        ["end date: Consul token outliving the contract fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(ConsulAclToken, "people-consul-token-cmurphy", """{"description":"cmurphy (team platform); managed by infra-people","policies":["people-write"],"expirationTime":"2026-12-04T00:00:00Z"}""")],
            "cmurphy's access ends on 2026-11-27 but the Consul token expires at 2026-12-04T00:00:00Z, after 2026-11-28T00:00:00Z", PropertyPath: "expirationTime"),
        ["end date: Consul token without expiry for a contractor fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(ConsulAclToken, "people-consul-token-cmurphy", """{"description":"cmurphy (team platform); managed by infra-people","policies":["people-write"]}""")],
            "has no expirationTime", PropertyPath: "expirationTime"),
        ["end date: Consul token with an unreadable expiry fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(ConsulAclToken, "people-consul-token-cmurphy", """{"description":"cmurphy (team platform); managed by infra-people","policies":["people-write"],"expirationTime":"next friday"}""")],
            "is not an RFC 3339 time", PropertyPath: "expirationTime"),
        ["end date: Consul token of someone without an end date and without expiry passes"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(ConsulAclToken, "people-consul-token-adupont", """{"description":"adupont (team platform); managed by infra-people","policies":["people-write"]}""")]),
        ["end date: a token not made by the people component is not a person's"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(ConsulAclToken, "payments-api-token", """{"description":"dkelly (hand-made)","policies":["payments-api"]}""")]),
        ["consul: people's policy with service write fails"] = new(PeopleConsulNoServiceWriteRule.Code, true, Production,
            [Resource(ConsulAclPolicy, "people-consul-policy-write", """{"name":"people-write","rules":"service_prefix \"\" {\n  policy = \"write\"\n}\nkey_prefix \"\" {\n  policy = \"write\"\n}\n","description":"People with write access; managed by infra-people"}""")], "grants write on service_prefix \"\"", PropertyPath: "rules"),
        ["consul: policy a person's token names with write on one service fails"] = new(PeopleConsulNoServiceWriteRule.Code, true, Production,
            [
                Resource(ConsulAclPolicy, "ops", """{"name":"ops","rules":"service \"payments-db\" { policy = \"write\" }"}"""),
                Resource(ConsulAclToken, "people-consul-token-adupont", """{"description":"adupont (team platform); managed by infra-people","policies":["ops"]}"""),
            ], "on service \"payments-db\"", PropertyPath: "rules"),
        ["consul: people's policy with service read and key write passes"] = new(PeopleConsulNoServiceWriteRule.Code, false, Production,
            [Resource(ConsulAclPolicy, "people-consul-policy-write", """{"name":"people-write","rules":"service_prefix \"\" {\n  policy = \"read\"\n}\nkey_prefix \"\" {\n  policy = \"write\"\n}\n","description":"People with write access; managed by infra-people"}""")]),
        ["consul: a fleet's own policy with service write passes"] = new(PeopleConsulNoServiceWriteRule.Code, false, Production,
            [Resource(ConsulAclPolicy, "payments-api-consul", """{"name":"payments-api","rules":"service \"payments-api\" { policy = \"write\" }"}""")]),
        ["grant: grant running until next week passes"] = new(TemporaryGrantExpiredRule.Code, false, Production,
            [Resource(GroupMembership, "cmartin-payments-db", """{"groupId":20,"userId":233,"accessLevel":"reporter","expiresAt":"2026-11-25"}""")]),
        ["grant: grant that expired in October fails"] = new(TemporaryGrantExpiredRule.Code, true, Production,
            [Resource(GroupMembership, "bfaure-cards-incident", """{"groupId":21,"userId":245,"accessLevel":"reporter","expiresAt":"2026-10-09"}""")], "expired on 2026-10-09", PropertyPath: "expiresAt"),
        ["grant: a person's VPN authorization running until next week passes"] = new(TemporaryGrantExpiredRule.Code, false, Production,
            [Resource(ClientVpnAuthorization, "people-vpn-rule-grant-bfaure-10.60.0.0-16", """{"clientVpnEndpointId":"cvpn-endpoint-0a1b","targetNetworkCidr":"10.60.0.0/16","accessGroupId":"person-bfaure","description":"bfaure reaches 10.60.0.0/16 until 2026-11-29 (grant approved by adupont)"}""")]),
        ["grant: a person's VPN authorization on its last day passes"] = new(TemporaryGrantExpiredRule.Code, false, Production,
            [Resource(ClientVpnAuthorization, "people-vpn-rule-grant-bfaure-10.60.0.0-16", """{"clientVpnEndpointId":"cvpn-endpoint-0a1b","targetNetworkCidr":"10.60.0.0/16","accessGroupId":"person-bfaure","description":"bfaure reaches 10.60.0.0/16 until 2026-11-22 (grant approved by adupont)"}""")]),
        ["grant: a person's VPN authorization whose grant ended fails"] = new(TemporaryGrantExpiredRule.Code, true, Production,
            [Resource(ClientVpnAuthorization, "people-vpn-rule-grant-bfaure-10.60.0.0-16", """{"clientVpnEndpointId":"cvpn-endpoint-0a1b","targetNetworkCidr":"10.60.0.0/16","accessGroupId":"person-bfaure","description":"bfaure reaches 10.60.0.0/16 until 2026-10-09 (grant approved by adupont)"}""")],
            "the VPN grant of bfaure to 10.60.0.0/16 ran until 2026-10-09", PropertyPath: "description"),
        ["grant: a session grant on a fleet role running until next week passes"] = new(TemporaryGrantExpiredRule.Code, false, Production,
            [Resource(RolePolicy, "people-session-grant-bfaure-ledger-eu-west-3", SessionGrant("2026-11-29T00:00:00Z"))]),
        ["grant: a session grant on a fleet role that ended in October fails"] = new(TemporaryGrantExpiredRule.Code, true, Production,
            [Resource(RolePolicy, "people-session-grant-bfaure-ledger-eu-west-3", SessionGrant("2026-10-10T00:00:00Z"))],
            "the session grant session-grant-bfaure on role ledger-eu-west-3-role ended at 2026-10-10 00:00 UTC", PropertyPath: "policy"),
        ["grant: a fleet's own inline policy with a date condition is no grant and passes"] = new(TemporaryGrantExpiredRule.Code, false, Production,
            [Resource(RolePolicy, "ledger-eu-west-3-policy", SessionGrant("2026-10-10T00:00:00Z").Replace("session-grant-bfaure", "ledger-eu-west-3", StringComparison.Ordinal))]),
        ["grant: a database grant's Vault role running until next week passes"] = new(TemporaryGrantExpiredRule.Code, false, Production,
            [Resource(DatabaseRole, "people-db-grant-bfaure-payments-db-read", DatabaseGrant("2026-11-29 23:59:59+00"))]),
        ["grant: a database grant's Vault role on its last day passes"] = new(TemporaryGrantExpiredRule.Code, false, Production,
            [Resource(DatabaseRole, "people-db-grant-bfaure-payments-db-read", DatabaseGrant("2026-11-22 23:59:59+00"))]),
        ["grant: a database grant's Vault role whose grant ended fails"] = new(TemporaryGrantExpiredRule.Code, true, Production,
            [Resource(DatabaseRole, "people-db-grant-bfaure-payments-db-read", DatabaseGrant("2026-10-09 23:59:59+00"))],
            "the database grant payments-db-grant-bfaure-read ended at 2026-10-09 23:59 UTC", PropertyPath: "creationStatements[1]"),
        ["grant: a service's own database role has no end and passes"] = new(TemporaryGrantExpiredRule.Code, false, Production,
            [Resource(DatabaseRole, "payments-db-payments-api", """{"backend":"database","dbName":"payments-db","name":"payments-db-payments-api","creationStatements":["CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';"]}""")]),
        ["grant: a team's VPN authorization has no end and passes"] = new(TemporaryGrantExpiredRule.Code, false, Production,
            [Resource(ClientVpnAuthorization, "people-vpn-rule-cards-10.60.0.0-16", """{"clientVpnEndpointId":"cvpn-endpoint-0a1b","targetNetworkCidr":"10.60.0.0/16","accessGroupId":"team-cards","description":"Cards reaches 10.60.0.0/16 until 2026-10-09"}""")]),
    };

    /// <summary>bfaure's read grant on payments-db, as the people blueprint writes its Vault role, refused by the database after <paramref name="end"/>.</summary>
    private static string DatabaseGrant(string end) =>
        """{"backend":"database","dbName":"payments-db","name":"payments-db-grant-bfaure-read","creationStatements":["SET createrole_self_grant = 'set, inherit';","DO $grant$ BEGIN IF now() >= TIMESTAMPTZ 'END' THEN RAISE EXCEPTION 'the read grant of bfaure on payments-db ended at END'; END IF; END $grant$;","CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';"]}""".Replace("END", end, StringComparison.Ordinal);

    /// <summary>A person's session grant on the ledger fleet's role, as the people blueprint writes it, honoured by IAM until <paramref name="end"/>.</summary>
    private static string SessionGrant(string end) =>
        """{"role":"ledger-eu-west-3-role","name":"session-grant-bfaure","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"SessionChannel\",\"Effect\":\"Allow\",\"Action\":[\"ssmmessages:OpenDataChannel\"],\"Resource\":[\"*\"],\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"END\"}}}]}"}""".Replace("END", end, StringComparison.Ordinal);
}
