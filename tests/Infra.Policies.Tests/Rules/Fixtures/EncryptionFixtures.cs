using Infra.Policies.Rules.Encryption;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Encryption rules: KMS keys.</summary>
internal static class EncryptionFixtures
{
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
    };
}
