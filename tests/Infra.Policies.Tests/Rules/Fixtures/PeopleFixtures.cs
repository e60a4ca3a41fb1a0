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
            [Resource(GroupMembership, "cmurphy-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer"}""")], "no expiresAt"),
        ["end date: leaver still member fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "dkelly-platform", """{"groupId":12,"userId":377,"accessLevel":"maintainer"}""")], "left on 2025-08-29"),
        ["end date: expiry after the contract fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "cmurphy-shared", """{"groupId":15,"userId":412,"accessLevel":"developer","expiresAt":"2027-01-31"}""")], "keeps cmurphy a member after their end date 2026-11-27"),
        ["end date: expiry the day after the last day passes (GitLab removes on the expiry day)"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(GroupMembership, "people-gitlab-cmurphy-bank-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer","expiresAt":"2026-11-28"}""")]),
        ["end date: expiry two days after the last day fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "people-gitlab-cmurphy-bank-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer","expiresAt":"2026-11-29"}""")], "expect 2026-11-28 at the latest"),
        ["end date: leaver's Vault entity fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(VaultEntity, "people-entity-dkelly", """{"name":"dkelly","metadata":{"managed-by":"infra-people","teams":"platform"}}""")], "dkelly left on 2025-08-29 and still has this Vault entity"),
        ["end date: Vault entity whose own metadata says the access ended fails without the catalog"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(VaultEntity, "people-entity-zed", """{"name":"zed","metadata":{"managed-by":"infra-people","access-ends":"2026-11-21T16:00:00Z","platform-team":"false"}}""")], "zed left on 2026-11-21"),
        ["end date: a leaver's entity kept disabled passes (Vault refuses its tokens)"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(VaultEntity, "people-entity-zed", """{"name":"zed","disabled":true,"metadata":{"managed-by":"infra-people","access-ends":"2026-11-21T16:00:00Z","platform-team":"false"}}""")]),
        ["end date: a leaver's entity not disabled fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(VaultEntity, "people-entity-zed", """{"name":"zed","disabled":false,"metadata":{"managed-by":"infra-people","access-ends":"2026-11-21T16:00:00Z","platform-team":"false"}}""")], "zed left on 2026-11-21"),
        ["end date: entity of a contractor still in contract passes"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(VaultEntity, "people-entity-cmurphy", """{"name":"cmurphy","metadata":{"managed-by":"infra-people","access-ends":"2026-11-27"}}""")]),
        ["end date: leaver's Consul token fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(ConsulAclToken, "people-consul-token-dkelly", """{"description":"dkelly (team platform); managed by infra-people","policies":["people-write"]}""")], "still has this Consul token"),
        ["end date: leaver's VPN certificate fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(PkiCert, "people-vpn-cert-dkelly", """{"commonName":"dkelly.vpn.production.internal"}""")], "still has this VPN certificate"),
        ["end date: a token not made by the people component is not a person's"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(ConsulAclToken, "payments-api-token", """{"description":"dkelly (hand-made)","policies":["payments-api"]}""")]),
        ["consul: people's policy with service write fails"] = new(PeopleConsulNoServiceWriteRule.Code, true, Production,
            [Resource(ConsulAclPolicy, "people-consul-policy-write", """{"name":"people-write","rules":"service_prefix \"\" {\n  policy = \"write\"\n}\nkey_prefix \"\" {\n  policy = \"write\"\n}\n","description":"People with write access; managed by infra-people"}""")], "grants write on service_prefix \"\""),
        ["consul: policy a person's token names with write on one service fails"] = new(PeopleConsulNoServiceWriteRule.Code, true, Production,
            [
                Resource(ConsulAclPolicy, "ops", """{"name":"ops","rules":"service \"payments-db\" { policy = \"write\" }"}"""),
                Resource(ConsulAclToken, "people-consul-token-adupont", """{"description":"adupont (team platform); managed by infra-people","policies":["ops"]}"""),
            ], "on service \"payments-db\""),
        ["consul: people's policy with service read and key write passes"] = new(PeopleConsulNoServiceWriteRule.Code, false, Production,
            [Resource(ConsulAclPolicy, "people-consul-policy-write", """{"name":"people-write","rules":"service_prefix \"\" {\n  policy = \"read\"\n}\nkey_prefix \"\" {\n  policy = \"write\"\n}\n","description":"People with write access; managed by infra-people"}""")]),
        ["consul: a fleet's own policy with service write passes"] = new(PeopleConsulNoServiceWriteRule.Code, false, Production,
            [Resource(ConsulAclPolicy, "payments-api-consul", """{"name":"payments-api","rules":"service \"payments-api\" { policy = \"write\" }"}""")]),
        ["grant: grant running until next week passes"] = new(TemporaryGrantExpiredRule.Code, false, Production,
            [Resource(GroupMembership, "cmartin-payments-db", """{"groupId":20,"userId":233,"accessLevel":"reporter","expiresAt":"2026-11-25"}""")]),
        ["grant: grant that expired in October fails"] = new(TemporaryGrantExpiredRule.Code, true, Production,
            [Resource(GroupMembership, "bfaure-cards-incident", """{"groupId":21,"userId":245,"accessLevel":"reporter","expiresAt":"2026-10-09"}""")], "expired on 2026-10-09"),
    };
}
