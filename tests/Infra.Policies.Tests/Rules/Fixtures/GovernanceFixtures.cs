using Infra.Policies.Rules.Governance;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Governance rules: tags, regions and accounts.</summary>
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
        ["accounts: provider pinned to the stack's account passes"] = new(AwsProviderAllowedAccountsRule.Code, false, Production,
            [AwsProvider("eu-west-3", "eu-west-3")]),
        ["accounts: provider list as the state keeps it (JSON text) passes"] = new(AwsProviderAllowedAccountsRule.Code, false, Staging,
            [AwsProviderWith("eu-west-1", """{"region":"eu-west-1","allowedAccountIds":"[\"111122223333\"]"}""", stack: "staging")]),
        ["accounts: provider without allowedAccountIds fails"] = new(AwsProviderAllowedAccountsRule.Code, true, Production,
            [AwsProviderWith("eu-west-3", """{"region":"eu-west-3"}""")], "allowedAccountIds is not set"),
        ["accounts: production provider allowed on the staging account fails"] = new(AwsProviderAllowedAccountsRule.Code, true, Production,
            [AwsProviderWith("eu-west-3", """{"region":"eu-west-3","allowedAccountIds":["444455556666","111122223333"]}""")],
            "exactly one of the stack's accounts: 444455556666"),
        ["regions: London resource region fails"] = new(EuRegionsOnlyRule.Code, true, Production,
            [Resource(KmsKey, "backup", """{"region":"eu-west-2","enableKeyRotation":true}""")], "eu-west-2"),
    };
}
