using Infra.Policies.Rules.Secrets;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Secrets rules: credentials kept as Pulumi secrets.</summary>
internal static class SecretsFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["credentials: secret master password passes"] = new(CredentialsAreSecretsRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", $$"""{"masterUsername":"ledger_admin","masterPassword":{{SecretJson()}}}""")]),
        ["credentials: plain master password fails"] = new(CredentialsAreSecretsRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"masterUsername":"ledger_admin","masterPassword":"hunter2-in-clear"}""")], "masterPassword"),
        ["secret key: customer key for the secret and its replica passes"] = new(SecretsManagerCustomerKeyRule.Code, false, Production,
            [Resource(Secret, "ledger-db-master-secret", """{"name":"rds/ledger-db/master","kmsKeyId":"arn:aws:kms:eu-west-1:111122223333:key/5c1d","replicas":[{"region":"eu-west-3","kmsKeyId":"arn:aws:kms:eu-west-3:111122223333:key/8e2f"}]}""")]),
        ["secret key: no key fails"] = new(SecretsManagerCustomerKeyRule.Code, true, Production,
            [Resource(Secret, "ledger-db-master-secret", """{"name":"rds/ledger-db/master"}""")], "kmsKeyId is not set"),
        ["secret key: the AWS managed alias fails"] = new(SecretsManagerCustomerKeyRule.Code, true, Production,
            [Resource(Secret, "ledger-db-master-secret", """{"name":"rds/ledger-db/master","kmsKeyId":"alias/aws/secretsmanager"}""")], "AWS managed key"),
        ["secret key: a replica without its own key fails"] = new(SecretsManagerCustomerKeyRule.Code, true, Production,
            [Resource(Secret, "ledger-db-master-secret", """{"name":"rds/ledger-db/master","kmsKeyId":"arn:aws:kms:eu-west-1:111122223333:key/5c1d","replicas":[{"region":"eu-west-3"}]}""")], "the replica in eu-west-3"),
        ["secret recoverable: the default window passes"] = new(SecretsManagerRecoveryWindowRule.Code, false, Production,
            [Resource(Secret, "ledger-db-master-secret", """{"name":"rds/ledger-db/master"}"""), Resource(Secret, "payments-db-master-secret", """{"recoveryWindowInDays":7}""")]),
        ["secret recoverable: a window of 0 fails"] = new(SecretsManagerRecoveryWindowRule.Code, true, Production,
            [Resource(Secret, "ledger-db-master-secret", """{"name":"rds/ledger-db/master","recoveryWindowInDays":0}""")], "cannot be undone"),
    };
}
