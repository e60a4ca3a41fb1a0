using Infra.Policies.Rules.Vault;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Vault rules: Vault policies, auth roles and database roles.</summary>
internal static class VaultFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["vault policy: scoped read passes"] = new(VaultPolicyNoSudoRule.Code, false, Production,
            [Resource(VaultPolicy, "payments-read", """{"name":"payments-read","policy":"path \"database/creds/payments-db-read\" {\n  capabilities = [\"read\"]\n}\n"}""")]),
        ["vault policy: sudo fails"] = new(VaultPolicyNoSudoRule.Code, true, Production,
            [Resource(VaultPolicy, "payments-ops", """{"name":"payments-ops","policy":"path \"sys/leases/*\" {\n  capabilities = [\"read\", \"list\", \"sudo\"]\n}\n"}""")], "sudo"),
        ["vault policy: root path fails"] = new(VaultPolicyNoSudoRule.Code, true, Production,
            [Resource(VaultPolicy, "everything", """{"name":"everything","policy":"path \"*\" {\n  capabilities = [\"read\", \"list\"]\n}\n"}""")], "root-equivalent"),
        ["vault policy: reading the ACL policies passes"] = new(VaultPolicyNoSudoRule.Code, false, Production,
            [Resource(VaultPolicy, "auditor", """{"name":"auditor","policy":"path \"sys/policies/acl/*\" {\n  capabilities = [\"read\", \"list\"]\n}\n"}""")]),
        ["vault policy: a segment wildcard beside sys passes"] = new(VaultPolicyNoSudoRule.Code, false, Production,
            [Resource(VaultPolicy, "team-data", """{"name":"team-data","policy":"path \"kv/data/+/reports/*\" {\n  capabilities = [\"create\", \"update\"]\n}\n"}""")]),
        ["vault policy: writing the ACL policies fails"] = new(VaultPolicyNoSudoRule.Code, true, Production,
            [Resource(VaultPolicy, "team-payments", """{"name":"team-payments","policy":"path \"sys/policies/acl/*\" {\n  capabilities = [\"create\", \"update\"]\n}\n"}""")],
            "grants create, update on Vault's policies"),
        ["vault policy: writing identity fails"] = new(VaultPolicyNoSudoRule.Code, true, Production,
            [Resource(VaultPolicy, "team-payments", """{"name":"team-payments","policy":"path \"identity/*\" {\n  capabilities = [\"update\"]\n}\n"}""")],
            "identities and group memberships"),
        ["vault policy: an auth role write fails"] = new(VaultPolicyNoSudoRule.Code, true, Production,
            [Resource(VaultPolicy, "team-payments", """{"name":"team-payments","policy":"path \"auth/aws/role/ledger\" {\n  capabilities = [\"update\"]\n}\n"}""")],
            "the auth methods' roles and users"),
        ["vault policy: a glob reaching sys fails"] = new(VaultPolicyNoSudoRule.Code, true, Production,
            [Resource(VaultPolicy, "team-payments", """{"name":"team-payments","policy":"path \"s*\" {\n  capabilities = [\"update\"]\n}\n"}""")],
            "path \"s*\" grants update on Vault's policies"),
        ["vault policy: a segment wildcard reaching auth fails"] = new(VaultPolicyNoSudoRule.Code, true, Production,
            [Resource(VaultPolicy, "team-payments", """{"name":"team-payments","policy":"path \"+/audit/file\" {\n  capabilities = [\"delete\"]\n}\n"}""")],
            "path \"+/audit/file\" grants delete on"),
        ["vault aws auth: 1h/24h passes"] = new(VaultAwsAuthRoleTtlRule.Code, false, Production,
            [Resource(AwsAuthRole, "ledger", """{"role":"ledger","authType":"iam","tokenTtl":3600,"tokenMaxTtl":86400,"tokenPolicies":["ledger"]}""")]),
        ["vault aws auth: unset TTLs fail"] = new(VaultAwsAuthRoleTtlRule.Code, true, Production,
            [Resource(AwsAuthRole, "ledger", """{"role":"ledger","authType":"iam","tokenPolicies":["ledger"]}""")], "32 days"),
        ["vault aws auth: ttl above max fails"] = new(VaultAwsAuthRoleTtlRule.Code, true, Production,
            [Resource(AwsAuthRole, "ledger", """{"role":"ledger","tokenTtl":3600,"tokenMaxTtl":1800}""")], "above tokenMaxTtl"),
        ["vault static role: daily rotation passes"] = new(VaultStaticRoleRotationRule.Code, false, Production,
            [Resource(StaticRole, "ledger-app", """{"backend":"postgres","dbName":"ledger-db","username":"ledger_app","rotationPeriod":86400}""")]),
        ["vault static role: schedule passes"] = new(VaultStaticRoleRotationRule.Code, false, Production,
            [Resource(StaticRole, "ledger-app", """{"backend":"postgres","dbName":"ledger-db","username":"ledger_app","rotationSchedule":"0 3 * * SAT","rotationWindow":3600}""")]),
        ["vault static role: 14 days in staging passes"] = new(VaultStaticRoleRotationRule.Code, false, Staging,
            [Resource(StaticRole, "ledger-app", """{"rotationPeriod":1209600}""", stack: "staging")]),
        ["vault static role: 14 days in production fails"] = new(VaultStaticRoleRotationRule.Code, true, Production,
            [Resource(StaticRole, "ledger-app", """{"rotationPeriod":1209600}""")], "at most 604800"),
        ["vault static role: no rotation fails"] = new(VaultStaticRoleRotationRule.Code, true, Staging,
            [Resource(StaticRole, "ledger-app", """{"backend":"postgres","username":"ledger_app"}""", stack: "staging")], "never rotates"),
        ["vault db role: 1h/8h passes"] = new(VaultDatabaseRoleTtlRule.Code, false, Production,
            [Resource(DatabaseRole, "ledger-read", """{"backend":"postgres","dbName":"ledger-db","defaultTtl":3600,"maxTtl":28800,"creationStatements":["CREATE ROLE"]}""")]),
        ["vault db role: 30 days max fails"] = new(VaultDatabaseRoleTtlRule.Code, true, Production,
            [Resource(DatabaseRole, "ledger-read", """{"defaultTtl":3600,"maxTtl":2592000}""")], "maxTtl"),
    };
}
