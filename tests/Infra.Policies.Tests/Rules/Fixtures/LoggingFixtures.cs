using Infra.Policies.Rules.Logging;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Logging rules: CloudWatch log groups.</summary>
internal static class LoggingFixtures
{
    private const string Key = "arn:aws:kms:eu-west-3:444455556666:key/c2d8e5a1-3f7b-4a96-b0d4-8e1f6a2c9b35";

    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["log retention: 400 days passes"] = new(LogGroupRetentionRule.Code, false, Production,
            [Resource(LogGroup, "ledger", $$"""{"retentionInDays":400,"kmsKeyId":"{{Key}}"}""")]),
        ["log retention: exactly a year passes"] = new(LogGroupRetentionRule.Code, false, Production,
            [Resource(LogGroup, "ledger", """{"retentionInDays":365}""")]),
        ["log retention: never expiring passes"] = new(LogGroupRetentionRule.Code, false, Production,
            [Resource(LogGroup, "ledger", """{"retentionInDays":0}"""), Resource(LogGroup, "audit", "{}")]),
        ["log retention: 90 days fails"] = new(LogGroupRetentionRule.Code, true, Production,
            [Resource(LogGroup, "ledger", """{"retentionInDays":90}""")], "retentionInDays is 90"),
        ["log retention: 364 days fails"] = new(LogGroupRetentionRule.Code, true, Staging,
            [Resource(LogGroup, "ledger", """{"retentionInDays":364}""")], "365"),
        ["log kms: customer key passes"] = new(LogGroupKmsRule.Code, false, Production,
            [Resource(LogGroup, "ledger", $$"""{"retentionInDays":400,"kmsKeyId":"{{Key}}"}""")]),
        ["log kms: key unknown in a preview passes"] = new(LogGroupKmsRule.Code, false, Production,
            [Resource(LogGroup, "ledger", """{"kmsKeyId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""")]),
        ["log kms: no key fails"] = new(LogGroupKmsRule.Code, true, Production,
            [Resource(LogGroup, "ledger", """{"retentionInDays":400}""")], "kmsKeyId is not set"),
        ["log kms: empty key fails"] = new(LogGroupKmsRule.Code, true, Production,
            [Resource(LogGroup, "ledger", """{"kmsKeyId":""}""")], "kmsKeyId"),
    };
}
