using Infra.Policies.Rules.Databases;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Databases rules: RDS and Aurora clusters and instances.</summary>
internal static class DatabasesFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["rds encryption: encrypted cluster passes"] = new(RdsStorageEncryptedRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", """{"engine":"aurora-postgresql","storageEncrypted":true,"kmsKeyId":"arn:aws:kms:eu-west-3:444455556666:key/1"}""")]),
        ["rds encryption: unencrypted global cluster fails"] = new(RdsStorageEncryptedRule.Code, true, Production,
            [Resource(GlobalCluster, "ledger-global", """{"globalClusterIdentifier":"ledger","engine":"aurora-postgresql","storageEncrypted":false}""")]),
        ["rds encryption: cluster without storageEncrypted fails"] = new(RdsStorageEncryptedRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"engine":"aurora-postgresql"}""")]),
        ["rds backups: 35 days in production passes"] = new(RdsBackupRetentionRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", """{"backupRetentionPeriod":35}""")]),
        ["rds backups: 7 days in staging passes"] = new(RdsBackupRetentionRule.Code, false, Staging,
            [Resource(Cluster, "ledger-db", """{"backupRetentionPeriod":7}""", stack: "staging")]),
        ["rds backups: 7 days in production fails"] = new(RdsBackupRetentionRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"backupRetentionPeriod":7}""")], "at least 35"),
        ["rds backups: unset in staging fails"] = new(RdsBackupRetentionRule.Code, true, Staging,
            [Resource(DbInstance, "legacy-db", "{}", stack: "staging")], "not set"),
        ["rds deletion: protected production cluster passes"] = new(RdsDeletionProtectionRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", """{"deletionProtection":true}""")]),
        ["rds deletion: unprotected staging cluster passes"] = new(RdsDeletionProtectionRule.Code, false, Staging,
            [Resource(Cluster, "ledger-db", """{"deletionProtection":false}""", stack: "staging")]),
        ["rds deletion: unprotected production cluster fails"] = new(RdsDeletionProtectionRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"deletionProtection":false}""")]),
        ["rds public: private instance passes"] = new(RdsNoPublicAccessRule.Code, false, Production,
            [Resource(ClusterInstance, "ledger-db-1", """{"publiclyAccessible":false}""")]),
        ["rds public: public cluster instance fails"] = new(RdsNoPublicAccessRule.Code, true, Production,
            [Resource(ClusterInstance, "ledger-db-1", """{"publiclyAccessible":true}""")]),
        ["rds iam: IAM auth enabled passes"] = new(RdsIamAuthenticationRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", """{"iamDatabaseAuthenticationEnabled":true}""")]),
        ["rds iam: IAM auth disabled fails"] = new(RdsIamAuthenticationRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"iamDatabaseAuthenticationEnabled":false}""")]),
        ["rds snapshot: final snapshot kept passes"] = new(RdsFinalSnapshotRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", """{"skipFinalSnapshot":false,"finalSnapshotIdentifier":"ledger-final"}""")]),
        ["rds snapshot: skipped in production fails"] = new(RdsFinalSnapshotRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"skipFinalSnapshot":true}""")]),
    };
}
