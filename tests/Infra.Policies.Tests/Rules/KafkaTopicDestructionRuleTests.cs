using Infra.Policies.Model;
using Infra.Policies.Rules.Messaging;
using Infra.Policies.Tests.Support;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;

namespace Infra.Policies.Tests.Rules;

public sealed class KafkaTopicDestructionRuleTests
{
    [Fact]
    public void Without_the_catalog_the_rule_cannot_judge_and_reports_nothing()
    {
        var resources = new ResourceSet([])
        {
            DestructiveSteps = [new(DestructiveStep.Delete, Fixture.Resource(Topic, "ledger.posting.created.v1", """{"name":"ledger.posting.created.v1"}"""))],
        };
        var context = Fixture.Context(Infra.Blueprints.Definition.EnvironmentKind.Production) with { TopicsMarkedForDeletion = null };

        Assert.Empty(new KafkaTopicDestructionRule().Evaluate(resources, context));
    }
}
