using Infra.Policies.Rules.Encryption;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Encryption rules: KMS keys.</summary>
internal static class EncryptionFixtures
{
    private static string WithKeyPolicy(string statement) =>
        $$"""{"policy":{{System.Text.Json.JsonSerializer.Serialize($$"""{"Version":"2012-10-17","Statement":[{{statement}}]}""")}}}""";

    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["kms: rotation enabled passes"] = new(KmsKeyRotationRule.Code, false, Production,
            [Resource(KmsKey, "data", """{"enableKeyRotation":true,"rotationPeriodInDays":365}""")]),
        ["kms: asymmetric key without rotation passes"] = new(KmsKeyRotationRule.Code, false, Production,
            [Resource(KmsKey, "signing", """{"customerMasterKeySpec":"RSA_2048","keyUsage":"SIGN_VERIFY"}""")]),
        ["kms: rotation disabled fails"] = new(KmsKeyRotationRule.Code, true, Production,
            [Resource(KmsKey, "data", """{"enableKeyRotation":false}""")], "enableKeyRotation"),
        ["kms window: 30 days in production passes"] = new(KmsKeyDeletionWindowRule.Code, false, Production,
            [Resource(KmsKey, "data", """{"deletionWindowInDays":30}""")]),
        ["kms window: 7 days in staging passes"] = new(KmsKeyDeletionWindowRule.Code, false, Staging,
            [Resource(KmsKey, "data", """{"deletionWindowInDays":7}""", stack: "staging")]),
        ["kms window: 7 days in production fails"] = new(KmsKeyDeletionWindowRule.Code, true, Production,
            [Resource(KmsKey, "data", """{"deletionWindowInDays":7}""")]),
        ["kms policy: account root and a role pass"] = new(KmsKeyPolicyNoPublicAccessRule.Code, false, Production,
            [Resource(KmsKey, "ledger-key", WithKeyPolicy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kms:*","Resource":"*"}"""))]),
        ["kms policy: * restricted to the account passes"] = new(KmsKeyPolicyNoPublicAccessRule.Code, false, Production,
            [Resource(KmsKey, "ledger-key", WithKeyPolicy("""{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"444455556666"}}}"""))]),
        ["kms policy: * for every account but this one (StringNotEquals) fails"] = new(KmsKeyPolicyNoPublicAccessRule.Code, true, Production,
            [Resource(KmsKey, "ledger-key", WithKeyPolicy("""{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*","Condition":{"StringNotEquals":{"kms:CallerAccount":"444455556666"}}}"""))],
            "every principal", PropertyPath: "policy"),
        ["kms policy: * with an account test that passes when the key is absent (IfExists) fails"] = new(KmsKeyPolicyNoPublicAccessRule.Code, true, Production,
            [Resource(KmsKey, "ledger-key", WithKeyPolicy("""{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*","Condition":{"StringEqualsIfExists":{"aws:PrincipalAccount":"444455556666"}}}"""))], "every principal"),
        ["kms policy: kms:* to * fails"] = new(KmsKeyPolicyNoPublicAccessRule.Code, true, Production,
            [Resource(KmsKey, "ledger-key", WithKeyPolicy("""{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*","Resource":"*"}"""))], "'kms:*'"),
        ["kms policy: * to * in a key policy resource fails"] = new(KmsKeyPolicyNoPublicAccessRule.Code, true, Production,
            [Resource(KeyPolicy, "ledger-key-policy", WithKeyPolicy("""{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}"""))], "every principal"),
        ["kms policy: a policy that is not JSON fails"] = new(KmsKeyPolicyNoPublicAccessRule.Code, true, Production,
            [Resource(KmsKey, "ledger-key", """{"policy":"{\"Statement\":[}"}""")], "not valid JSON"),
        ["explicit policy: a key with its policy passes"] = new(KmsKeyExplicitPolicyRule.Code, false, Production,
            [Resource(KmsKey, "ledger-key", WithKeyPolicy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kms:*","Resource":"*"}"""))]),
        ["explicit policy: a key policy resource for the key passes"] = new(KmsKeyExplicitPolicyRule.Code, false, Production,
        [
            Resource(KmsKey, "ledger-key", """{"enableKeyRotation":true}""", outputs: """{"arn":"arn:aws:kms:eu-west-3:444455556666:key/1a2b","keyId":"1a2b"}""", id: "1a2b"),
            Resource(KeyPolicy, "ledger-key-policy", """{"keyId":"1a2b","policy":"{\"Statement\":[]}"}"""),
        ]),
        ["explicit policy: a key without a policy fails"] = new(KmsKeyExplicitPolicyRule.Code, true, Production,
            [Resource(KmsKey, "ledger-key", """{"enableKeyRotation":true}""", id: "1a2b")], "the default policy"),
        ["explicit policy: another key's policy resource does not count"] = new(KmsKeyExplicitPolicyRule.Code, true, Staging,
        [
            Resource(KmsKey, "ledger-key", """{"enableKeyRotation":true}""", id: "1a2b", stack: "staging"),
            Resource(KeyPolicy, "payments-key-policy", """{"keyId":"9f8e","policy":"{\"Statement\":[]}"}""", stack: "staging"),
        ], "no key policy"),
    };
}
