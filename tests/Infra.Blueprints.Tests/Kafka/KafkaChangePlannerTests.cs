using Infra.Blueprints.Definition;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.Loading;
using static Infra.Blueprints.Tests.Kafka.TestTopics;

namespace Infra.Blueprints.Tests.Kafka;

public sealed class KafkaChangePlannerTests
{
    private static readonly StackDefinition StagingDefinition =
        new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("staging").Definition!;

    private static KafkaChangePlan AgainstStagingState(KafkaTopicsBlueprint blueprint) => KafkaChangePlanner.Compare(blueprint, DeployedStaging.Topics);

    private static KafkaChangePlan RepositoryAgainstStagingState() => AgainstStagingState(KafkaTopicCatalog.For(StagingDefinition));

    [Fact]
    public void Topic_as_deployed_is_unchanged()
    {
        var plan = RepositoryAgainstStagingState();

        Assert.DoesNotContain(plan.Changes, c => c.Topic == "payments.transfer.initiated.v1");
    }

    [Fact]
    public void Topic_not_deployed_yet_is_created()
    {
        var plan = RepositoryAgainstStagingState();

        var create = Assert.Single(plan.Changes, c => c.Topic == "cards.card.snapshot.v1");
        Assert.Equal(TopicChangeKind.Create, create.Kind);
        Assert.False(create.Destructive);
        Assert.Equal(StagingDefinition.Catalog.Topics.Count - 4, plan.Changes.Count(c => c.Kind == TopicChangeKind.Create));
    }

    [Fact]
    public void Replication_factor_change_is_a_refused_replace()
    {
        var change = Assert.Single(RepositoryAgainstStagingState().Changes, c => c.Topic == "customer.consent.changed.v1");

        Assert.Equal(TopicChangeKind.Replace, change.Kind);
        Assert.True(change.Destructive);
        Assert.True(change.Refused);
        Assert.Equal(["replication factor 3 -> 2"], change.Details);
        Assert.Contains("mark the topic delete: true (environments.staging.delete", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Partition_decrease_is_a_refused_replace()
    {
        var change = Assert.Single(RepositoryAgainstStagingState().Changes, c => c.Topic == "payments.transfer.failed.v1");

        Assert.Equal(TopicChangeKind.Replace, change.Kind);
        Assert.True(change.Refused);
        Assert.Equal(["partitions 4 -> 3"], change.Details);
        Assert.StartsWith("partitions only grow", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Partition_increase_and_config_change_are_an_update_in_place()
    {
        var blueprint = KafkaTopicCatalog.For("staging", EnvironmentKind.Staging,
            [Topic(name: "ledger.posting.created.v1", partitions: 12, retentionHours: 720, config: [("max.message.bytes", "2097152")])]);

        var change = Assert.Single(AgainstStagingState(blueprint).Changes, c => c.Topic == "ledger.posting.created.v1");

        Assert.Equal(TopicChangeKind.Update, change.Kind);
        Assert.False(change.Destructive);
        Assert.False(change.Refused);
        Assert.Equal(["partitions 6 -> 12", "max.message.bytes 1048576 -> 2097152", "min.insync.replicas 2 removed (Kafka's default applies)"], change.Details);
    }

    [Fact]
    public void Topic_missing_from_the_catalog_is_a_refused_delete()
    {
        var change = Assert.Single(RepositoryAgainstStagingState().Changes, c => c.Topic == "payments.transfer.legacy.v1");

        Assert.Equal(TopicChangeKind.Delete, change.Kind);
        Assert.True(change.Destructive);
        Assert.True(change.Refused);
        Assert.Contains("requires its entry with delete: true", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Topic_marked_delete_true_is_an_allowed_delete()
    {
        var blueprint = KafkaTopicCatalog.For("staging", EnvironmentKind.Staging, [Topic(name: "payments.transfer.legacy.v1", delete: TopicDeletion.Delete)]);

        var change = Assert.Single(AgainstStagingState(blueprint).Changes, c => c.Topic == "payments.transfer.legacy.v1");

        Assert.Equal(TopicChangeKind.Delete, change.Kind);
        Assert.True(change.Destructive);
        Assert.False(change.Refused);
    }

    [Fact]
    public void Deleting_a_topic_the_state_still_protects_is_refused_with_the_first_step()
    {
        var blueprint = KafkaTopicCatalog.For("production", EnvironmentKind.Production, [Topic(name: "payments.transfer.legacy.v1", delete: TopicDeletion.Delete)]);
        DeployedTopic[] state = [DeployedStaging.Topics.Single(t => t.Name == "payments.transfer.legacy.v1") with { Protected = true }];

        var change = Assert.Single(KafkaChangePlanner.Compare(blueprint, state).Changes);

        Assert.Equal(TopicChangeKind.Delete, change.Kind);
        Assert.True(change.Refused);
        Assert.Contains("the state still protects the topic", change.Reason, StringComparison.Ordinal);
        Assert.Contains("release delete: unprotect first", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deletion_step_one_changes_no_topic()
    {
        var blueprint = KafkaTopicCatalog.For("production", EnvironmentKind.Production,
            [Topic(name: "payments.transfer.legacy.v1", partitions: 3, retentionHours: null, delete: TopicDeletion.Unprotect)]);
        DeployedTopic[] state = [DeployedStaging.Topics.Single(t => t.Name == "payments.transfer.legacy.v1") with
            { Protected = true, Config = [new TopicConfigEntry("min.insync.replicas", "2"), new TopicConfigEntry("retention.ms", "604800000"), new TopicConfigEntry("unclean.leader.election.enable", "false")] }];

        var plan = KafkaChangePlanner.Compare(blueprint, state);

        Assert.Empty(plan.Changes);
        Assert.False(Assert.Single(blueprint.Topics).Protect);
    }

    [Fact]
    public void Deletion_step_two_deletes_the_topic_step_one_unprotected()
    {
        var blueprint = KafkaTopicCatalog.For("production", EnvironmentKind.Production, [Topic(name: "payments.transfer.legacy.v1", delete: TopicDeletion.Delete)]);
        DeployedTopic[] state = [DeployedStaging.Topics.Single(t => t.Name == "payments.transfer.legacy.v1") with { Protected = false }];

        var change = Assert.Single(KafkaChangePlanner.Compare(blueprint, state).Changes);

        Assert.Equal(TopicChangeKind.Delete, change.Kind);
        Assert.False(change.Refused);
        Assert.Contains("the state does not protect it", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rename_is_a_create_and_a_delete_that_needs_the_mark()
    {
        var renamed = KafkaTopicCatalog.For("staging", EnvironmentKind.Staging, [Topic(name: "payments.transfer.legacy.v2")]);
        var marked = KafkaTopicCatalog.For("staging", EnvironmentKind.Staging,
            [Topic(name: "payments.transfer.legacy.v2"), Topic(name: "payments.transfer.legacy.v1", delete: TopicDeletion.Delete)]);

        Assert.True(AgainstStagingState(renamed).Changes.Single(c => c.Topic == "payments.transfer.legacy.v1").Refused);
        Assert.False(AgainstStagingState(marked).Changes.Single(c => c.Topic == "payments.transfer.legacy.v1").Refused);
        Assert.Equal(TopicChangeKind.Create, AgainstStagingState(marked).Changes.Single(c => c.Topic == "payments.transfer.legacy.v2").Kind);
    }

    [Fact]
    public void Plan_with_a_refused_change_says_so()
    {
        Assert.True(RepositoryAgainstStagingState().HasRefused);
        Assert.False(KafkaChangePlanner.Compare(KafkaTopicCatalog.For(StagingDefinition), []).HasRefused);
    }
}
