using Infra.Policies.Rules.Consul;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Consul rules: service mesh intentions, mutual TLS and ACL tokens.</summary>
internal static class ConsulFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["intentions: named callers then deny all passes"] = new(ConsulIntentionsNoAllowAnyRule.Code, false, Production,
        [
            Resource(ConsulIntentions, "ledger-intentions", """{"name":"ledger","sources":[{"name":"payments-api","type":"consul","action":"allow"},{"name":"*","type":"consul","action":"deny"}]}"""),
            Resource(ConsulLegacyIntention, "legacy", """{"sourceName":"*","destinationName":"ledger","action":"deny"}"""),
        ]),
        ["intentions: allow from every service fails"] = new(ConsulIntentionsNoAllowAnyRule.Code, true, Production,
            [Resource(ConsulIntentions, "ledger-intentions", """{"name":"ledger","sources":[{"name":"payments-api","action":"allow"},{"name":"*","action":"allow"}]}""")], "sources[1] allows every service"),
        ["intentions: an L7 allow permission for every service fails"] = new(ConsulIntentionsNoAllowAnyRule.Code, true, Production,
            [Resource(ConsulIntentions, "ledger-intentions", """{"name":"ledger","sources":[{"name":"*","permissions":[{"action":"allow","http":{"pathPrefix":"/"}}]}]}""")], "sources[0].permissions[0] allows every service"),
        ["intentions: a named caller to every destination fails"] = new(ConsulIntentionsNoAllowAnyRule.Code, true, Staging,
            [Resource(ConsulIntentions, "any-intentions", """{"name":"*","sources":[{"name":"back-office","action":"allow"}]}""", stack: "staging")], "'back-office' to every service"),
        ["intentions: a legacy intention from * fails"] = new(ConsulIntentionsNoAllowAnyRule.Code, true, Production,
            [Resource(ConsulLegacyIntention, "legacy", """{"sourceName":"*","destinationName":"ledger","action":"allow"}""")], "sourceName is \"*\""),
        ["mutual tls: default (strict) and strict pass"] = new(ConsulMutualTlsStrictRule.Code, false, Production,
        [
            Resource(ConsulServiceDefaults, "ledger-defaults", """{"name":"ledger","protocol":"http","exposes":[{"checks":false}]}"""),
            Resource(ConsulServiceDefaults, "payments-defaults", """{"name":"payments-api","protocol":"http","mutualTlsMode":"strict","exposes":[{}]}"""),
        ]),
        ["mutual tls: permissive fails"] = new(ConsulMutualTlsStrictRule.Code, true, Production,
            [Resource(ConsulServiceDefaults, "ledger-defaults", """{"name":"ledger","protocol":"http","mutualTlsMode":"permissive","exposes":[{}]}""")], "'ledger' accepts connections without mutual TLS"),
        ["global management: people tokens with their policies pass"] = new(ConsulTokenNoGlobalManagementRule.Code, false, Production,
        [
            Resource(ConsulAclToken, "people-consul-token-adupont", """{"description":"adupont (team platform)","policies":["people-write"]}"""),
            Resource(ConsulTokenPolicyAttachment, "ledger-attach", """{"tokenId":"4f8e","policy":"service-ledger"}"""),
        ]),
        ["global management: a token with the built-in policy fails"] = new(ConsulTokenNoGlobalManagementRule.Code, true, Production,
            [Resource(ConsulAclToken, "ops", """{"description":"ops","policies":["people-read","global-management"]}""")], "holds the global-management policy"),
        ["global management: an attachment by the policy's fixed ID fails"] = new(ConsulTokenNoGlobalManagementRule.Code, true, Production,
            [Resource(ConsulTokenPolicyAttachment, "ops-attach", """{"tokenId":"4f8e","policy":"00000000-0000-0000-0000-000000000001"}""")], "gives the token the global-management policy"),
        ["cluster admin: people policies pass"] = new(ConsulAclPolicyNoAdminWriteRule.Code, false, Production,
        [
            Resource(ConsulAclPolicy, "people-consul-policy-write", """{"name":"people-write","rules":"node_prefix \"\" {\n  policy = \"read\"\n}\nkey_prefix \"acl\" {\n  policy = \"write\"\n}\noperator = \"read\"\n"}"""),
        ]),
        ["cluster admin: operator write fails"] = new(ConsulAclPolicyNoAdminWriteRule.Code, true, Production,
            [Resource(ConsulAclPolicy, "ops", """{"name":"ops","rules":"node_prefix \"\" {\n  policy = \"read\"\n}\noperator = \"write\"\n"}""")], "operator = \"write\""),
        ["cluster admin: acl write in JSON fails"] = new(ConsulAclPolicyNoAdminWriteRule.Code, true, Production,
            [Resource(ConsulAclPolicy, "ops", """{"name":"ops","rules":"{\"acl\": \"write\", \"node_prefix\": {\"\": {\"policy\": \"read\"}}}"}""")], "acl = \"write\""),
    };
}
