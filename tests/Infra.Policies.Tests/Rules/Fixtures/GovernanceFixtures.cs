using Infra.Policies.Rules.Governance;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Governance rules: tags and regions.</summary>
internal static class GovernanceFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["tags: all six tags pass"] = new(MandatoryTagsRule.Code, false, Production,
            [Resource(Sg, "ledger-sg", $$"""{"tags":{{GoodTags}}}""")]),
        ["tags: provider default tags in tagsAll count"] = new(MandatoryTagsRule.Code, false, Production,
            [Resource(KmsKey, "data", """{"tags":{"service":"ledger","team":"core-banking","data-classification":"restricted"}}""",
                outputs: """{"tagsAll":{"service":"ledger","team":"core-banking","data-classification":"restricted","environment":"production","cost-center":"CC-2320","managed-by":"pulumi"}}""")]),
        ["tags: autoscaling group tags list passes"] = new(MandatoryTagsRule.Code, false, Production,
            [Resource(Asg, "ledger", """{"tags":[{"key":"service","value":"ledger","propagateAtLaunch":true},{"key":"team","value":"core-banking","propagateAtLaunch":true},{"key":"environment","value":"production","propagateAtLaunch":true},{"key":"cost-center","value":"CC-2320","propagateAtLaunch":true},{"key":"data-classification","value":"restricted","propagateAtLaunch":true},{"key":"managed-by","value":"pulumi","propagateAtLaunch":true}]}""")]),
        ["tags: missing tags fail"] = new(MandatoryTagsRule.Code, true, Production,
            [Resource(Sg, "ledger-sg", """{"tags":{"service":"ledger","team":"core-banking"}}""")], "environment, cost-center, data-classification, managed-by"),
        ["tags: staging tag in production fails"] = new(MandatoryTagsRule.Code, true, Production,
            [Resource(Sg, "ledger-sg", """{"tags":{"service":"ledger","team":"core-banking","environment":"staging","cost-center":"CC-2320","data-classification":"restricted","managed-by":"pulumi"}}""")], "expected 'production'"),
        ["classification: restricted passes"] = new(DataClassificationTagRule.Code, false, Production,
            [Resource(Sg, "ledger-sg", $$"""{"tags":{{GoodTags}}}""")]),
        ["classification: unknown level fails"] = new(DataClassificationTagRule.Code, true, Production,
            [Resource(Sg, "ledger-sg", """{"tags":{"data-classification":"secret"}}""")], "'secret'"),
        ["regions: Paris provider passes"] = new(EuRegionsOnlyRule.Code, false, Production,
            [AwsProvider("eu-west-3", "eu-west-3"), Resource(Volume, "data", """{"availabilityZone":"eu-west-1b","encrypted":true}""")]),
        ["regions: us-east-1 provider fails"] = new(EuRegionsOnlyRule.Code, true, Production,
            [AwsProvider("us", "us-east-1")], "us-east-1"),
        ["regions: London resource region fails"] = new(EuRegionsOnlyRule.Code, true, Production,
            [Resource(KmsKey, "backup", """{"region":"eu-west-2","enableKeyRotation":true}""")], "eu-west-2"),
    };
}
