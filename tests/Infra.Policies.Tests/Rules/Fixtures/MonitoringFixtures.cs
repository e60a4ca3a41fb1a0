using Infra.Policies.Model;
using Infra.Policies.Rules.Monitoring;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Monitoring rules: alarm owners, and production services that page on their SLOs.</summary>
internal static class MonitoringFixtures
{
    private const string TopicArn = "arn:aws:sns:eu-west-3:111122223333:production-alerts-core-banking";

    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["alarm owner: metric alarm tagged with its team passes"] = new(AlarmOwnerTeamRule.Code, false, Production,
            [Resource(MetricAlarm, "ledger-healthy-hosts", """{"name":"production-ledger-healthy-hosts","tags":{"service":"ledger","team":"core-banking"}}""")]),
        ["alarm owner: metric alarm without a team fails"] = new(AlarmOwnerTeamRule.Code, true, Production,
            [Resource(MetricAlarm, "ledger-5xx", """{"name":"ledger-5xx","tags":{"service":"ledger"}}""")], "no team tag"),
        ["alarm owner: composite alarm with an empty team fails"] = new(AlarmOwnerTeamRule.Code, true, Staging,
            [Resource(CompositeAlarm, "ledger-availability-page", """{"alarmName":"ledger-availability-page","tags":{"team":""}}""", stack: "staging")], "no team tag"),
        ["service pages: both SLOs page the team's topic passes"] = new(ProductionServicePagingRule.Code, false, Production,
            [LedgerTargetGroup(), Page("availability", $"[\"{TopicArn}\"]"), Page("latency", $"[\"{TopicArn}\"]")]),
        ["service pages: staging service without alarms passes"] = new(ProductionServicePagingRule.Code, false, Staging,
            [LedgerTargetGroup("staging")]),
        ["service pages: production service without alarms fails"] = new(ProductionServicePagingRule.Code, true, Production,
            [LedgerTargetGroup()], "no paging alarm with an enabled action for its availability and latency SLO"),
        ["service pages: a page without an action fails"] = new(ProductionServicePagingRule.Code, true, Production,
            [LedgerTargetGroup(), Page("availability", "[]"), Page("latency", $"[\"{TopicArn}\"]")], "for its availability SLO"),
        ["service pages: a ticket is not a page"] = new(ProductionServicePagingRule.Code, true, Production,
            [LedgerTargetGroup(), Page("availability", $"[\"{TopicArn}\"]"), Page("latency", $"[\"{TopicArn}\"]", severity: "ticket")], "for its latency SLO"),
        ["service pages: a page with its actions switched off fails"] = new(ProductionServicePagingRule.Code, true, Production,
            [LedgerTargetGroup(), Page("availability", $"[\"{TopicArn}\"]", actionsEnabled: false), Page("latency", $"[\"{TopicArn}\"]")], "enabled action for its availability SLO"),
        ["sns https: the on-call hook over HTTPS passes"] = new(SnsSubscriptionHttpsRule.Code, false, Production,
            [Resource(SnsSubscription, "alerts-oncall", $$"""{"topic":"{{TopicArn}}","protocol":"https","endpoint":"https://oncall.example-bank.eu/hooks/core-banking"}""")]),
        ["sns https: an HTTP hook fails"] = new(SnsSubscriptionHttpsRule.Code, true, Production,
            [Resource(SnsSubscription, "alerts-oncall", $$"""{"topic":"{{TopicArn}}","protocol":"http","endpoint":"http://oncall.example-bank.eu/hooks/core-banking"}""")], "protocol is http"),
        ["sns https: an https subscription to an http URL fails"] = new(SnsSubscriptionHttpsRule.Code, true, Staging,
            [Resource(SnsSubscription, "alerts-oncall", $$"""{"topic":"{{TopicArn}}","protocol":"https","endpoint":"http://oncall.example-bank.eu/hooks"}""", stack: "staging")], "not an https:// URL"),
        ["sns encrypted: an alert topic under a customer managed key passes"] = new(SnsTopicEncryptedRule.Code, false, Production,
            [AlertTopic("arn:aws:kms:eu-west-3:111122223333:key/0a1b2c3d-4e5f-6789-abcd-ef0123456789"), Page("availability", $"[\"{TopicArn}\"]")]),
        ["sns encrypted: a topic without a key fails"] = new(SnsTopicEncryptedRule.Code, true, Production,
            [AlertTopic(null)], "stored unencrypted", PropertyPath: "kmsMasterKeyId"),
        ["sns encrypted: an empty key fails"] = new(SnsTopicEncryptedRule.Code, true, Staging,
            [AlertTopic("", stack: "staging")], "stored unencrypted"),
        ["sns encrypted: a topic no alarm notifies may use the AWS managed key"] = new(SnsTopicEncryptedRule.Code, false, Production,
            [AlertTopic("alias/aws/sns"), Page("availability", "[\"arn:aws:sns:eu-west-3:111122223333:another-topic\"]")]),
        ["sns encrypted: an alarm topic under the AWS managed key fails"] = new(SnsTopicEncryptedRule.Code, true, Production,
            [AlertTopic("alias/aws/sns"), Page("availability", $"[\"{TopicArn}\"]")], "which CloudWatch cannot use", PropertyPath: "kmsMasterKeyId"),
        ["sns encrypted: the managed key by ARN, notified on OK only, fails too"] = new(SnsTopicEncryptedRule.Code, true, Production,
            [AlertTopic("arn:aws:kms:eu-west-3:111122223333:alias/aws/sns"),
             Resource(MetricAlarm, "production-ledger-healthy-hosts", $$"""{"okActions":["{{TopicArn}}"]}""")], "alarms notify this topic"),
    };

    /// <summary>The core-banking alert topic of production, under <paramref name="key"/> (absent when null), its ARN among its outputs.</summary>
    private static PolicyResource AlertTopic(string? key, string stack = "production") =>
        Resource(SnsTopic, "production-alerts-core-banking-eu-west-3",
            key is null ? """{"name":"production-alerts-core-banking"}""" : $$"""{"name":"production-alerts-core-banking","kmsMasterKeyId":"{{key}}"}""",
            outputs: $$"""{"arn":"{{TopicArn}}"}""", stack: stack);

    private static PolicyResource LedgerTargetGroup(string stack = "production") =>
        Resource(TargetGroup, "ledger-tg", $$$"""{"port":8443,"protocol":"HTTPS","tags":{"service":"ledger","team":"core-banking","environment":"{{{stack}}}"}}""", stack: stack);

    private static PolicyResource Page(string slo, string actions, string severity = "page", bool actionsEnabled = true) =>
        Resource(CompositeAlarm, $"production-ledger-{slo}-{severity}",
            $$$"""{"alarmName":"production-ledger-{{{slo}}}-{{{severity}}}","alarmRule":"ALARM(\"a\") AND ALARM(\"b\")","alarmActions":{{{actions}}},"actionsEnabled":{{{(actionsEnabled ? "true" : "false")}}},"tags":{"service":"ledger","team":"core-banking","slo":"{{{slo}}}","severity":"{{{severity}}}"}}""");
}
