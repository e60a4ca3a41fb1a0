using Infra.Blueprints.Definition;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.Loading;
using static Infra.Blueprints.Tests.Kafka.TestTopics;

namespace Infra.Blueprints.Tests.Kafka;

public sealed class KafkaTopicBlueprintTests
{
    private static KafkaTopicBlueprint Single(EnvironmentKind environment, KafkaTopicDefinition topic, string stack = "staging") =>
        Assert.Single(KafkaTopicCatalog.For(stack, environment, [topic]).Topics);

    [Fact]
    public void Production_topic_gets_min_insync_replicas_2_and_is_protected()
    {
        var topic = Single(EnvironmentKind.Production, Topic(), "production");

        Assert.Equal("2", ConfigOf(topic)["min.insync.replicas"]);
        Assert.True(topic.Protect);
    }

    [Theory]
    [InlineData(168, "604800000")]
    [InlineData(null, "604800000")]
    [InlineData(336, "1209600000")]
    public void Production_topic_writes_unclean_election_and_retention_even_when_they_are_Kafkas_defaults(int? hours, string retentionMs)
    {
        var config = ConfigOf(Single(EnvironmentKind.Production, Topic(retentionHours: hours), "production"));

        Assert.Equal("false", config["unclean.leader.election.enable"]);
        Assert.Equal(retentionMs, config["retention.ms"]);
    }

    [Fact]
    public void Production_compacted_topic_without_retention_gets_no_time_retention_but_the_durability_settings()
    {
        var config = ConfigOf(Single(EnvironmentKind.Production, Topic(cleanup: CleanupPolicy.Compact, retentionHours: null), "production"));

        Assert.Equal(["cleanup.policy", "delete.retention.ms", "min.insync.replicas", "unclean.leader.election.enable"], config.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null, "86400000")]
    [InlineData("3600000", "3600000")]
    public void Compacted_topic_that_never_deletes_states_its_tombstone_retention_even_at_Kafkas_default(string? stated, string written)
    {
        var topic = Topic(cleanup: CleanupPolicy.Compact, retentionHours: null, config: stated is null ? [] : [("delete.retention.ms", stated)]);

        Assert.Equal(written, ConfigOf(Single(EnvironmentKind.Staging, topic))["delete.retention.ms"]);
        Assert.DoesNotContain("delete.retention.ms", ConfigOf(Single(EnvironmentKind.Staging, Topic(cleanup: CleanupPolicy.Compact, retentionHours: 720))).Keys);
    }

    [Fact]
    public void Pinned_settings_are_listed_with_their_reason_in_production_only()
    {
        var production = KafkaTopicCatalog.For("production", EnvironmentKind.Production, [Topic()]);
        var staging = KafkaTopicCatalog.For("staging", EnvironmentKind.Staging, [Topic()]);

        Assert.Equal(["min.insync.replicas", "retention.ms", "unclean.leader.election.enable"], production.Pinned.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(production.Pinned, p => Assert.False(string.IsNullOrWhiteSpace(p.Why)));
        Assert.Empty(staging.Pinned);
        Assert.Empty(ConfigOf(Assert.Single(staging.Topics)).Keys.Intersect(["unclean.leader.election.enable", "min.insync.replicas"]));
    }

    [Fact]
    public void Staging_topic_takes_its_override_and_is_not_protected()
    {
        var topic = Single(EnvironmentKind.Staging, Topic(environments: [new TopicEnvironmentOverride("staging", 3, 2, 24, null)]));

        Assert.Equal((3, 2), (topic.Partitions, topic.ReplicationFactor));
        Assert.Equal("86400000", ConfigOf(topic)["retention.ms"]);
        Assert.False(topic.Protect);
        Assert.DoesNotContain("min.insync.replicas", ConfigOf(topic).Keys);
    }

    [Fact]
    public void Override_of_another_stack_does_not_apply()
    {
        var topic = Single(EnvironmentKind.Production, Topic(environments: [new TopicEnvironmentOverride("staging", 3, 2, null, TopicDeletion.Delete)]), "production");

        Assert.Equal((12, 3), (topic.Partitions, topic.ReplicationFactor));
    }

    [Theory]
    [InlineData(168, null)]
    [InlineData(336, "1209600000")]
    [InlineData(1, "3600000")]
    public void Retention_is_written_in_milliseconds_unless_it_is_Kafkas_default(int hours, string? expected)
    {
        var config = ConfigOf(Single(EnvironmentKind.Staging, Topic(retentionHours: hours)));

        Assert.Equal(expected, config.GetValueOrDefault("retention.ms"));
    }

    [Theory]
    [InlineData("delete.retention.ms", "86400000")]
    [InlineData("max.message.bytes", "1048588")]
    [InlineData("compression.type", "producer")]
    [InlineData("min.insync.replicas", "1")]
    [InlineData("segment.bytes", "1073741824")]
    [InlineData("min.compaction.lag.ms", "0")]
    [InlineData("max.compaction.lag.ms", "9223372036854775807")]
    [InlineData("min.cleanable.dirty.ratio", "0.50")]
    [InlineData("unclean.leader.election.enable", "false")]
    [InlineData("message.timestamp.type", "CreateTime")]
    public void Config_equal_to_Kafkas_default_is_not_written(string key, string value)
    {
        var config = ConfigOf(Single(EnvironmentKind.Staging, Topic(config: [(key, value)])));

        Assert.DoesNotContain(key, config.Keys);
    }

    [Fact]
    public void Delete_topic_with_default_retention_writes_no_config_at_all()
    {
        Assert.Empty(Single(EnvironmentKind.Staging, Topic(retentionHours: null)).Config);
    }

    [Fact]
    public void Config_value_is_written_in_one_spelling()
    {
        var config = ConfigOf(Single(EnvironmentKind.Staging, Topic(config: [("max.message.bytes", "02097152"), ("min.cleanable.dirty.ratio", "0.10")])));

        Assert.Equal("2097152", config["max.message.bytes"]);
        Assert.Equal("0.1", config["min.cleanable.dirty.ratio"]);
    }

    [Fact]
    public void Compacted_topic_carries_no_time_retention_unless_stated()
    {
        var config = ConfigOf(Single(EnvironmentKind.Staging, Topic(cleanup: CleanupPolicy.Compact, retentionHours: null)));

        Assert.Equal("compact", config["cleanup.policy"]);
        Assert.DoesNotContain("retention.ms", config.Keys);
    }

    [Fact]
    public void Compacted_topic_with_stated_retention_also_deletes()
    {
        var config = ConfigOf(Single(EnvironmentKind.Staging, Topic(cleanup: CleanupPolicy.Compact, retentionHours: 720)));

        Assert.Equal("compact,delete", config["cleanup.policy"]);
        Assert.Equal("2592000000", config["retention.ms"]);
    }

    [Fact]
    public void Topic_marked_for_deletion_is_not_created_and_has_no_acls()
    {
        var blueprint = KafkaTopicCatalog.For("staging", EnvironmentKind.Staging,
            [Topic(), Topic(name: "payments.transfer.initiated.v0", delete: TopicDeletion.Delete, producers: ["old-api"])]);

        Assert.Equal(["payments.transfer.initiated.v1"], blueprint.Topics.Select(t => t.Name));
        Assert.Equal(["payments.transfer.initiated.v0"], blueprint.MarkedForDeletion);
        Assert.DoesNotContain(blueprint.Acls, a => a.Principal == "User:old-api");
    }

    [Fact]
    public void Deletion_step_one_keeps_the_production_topic_and_its_acls_but_drops_the_protection()
    {
        var blueprint = KafkaTopicCatalog.For("production", EnvironmentKind.Production,
            [Topic(), Topic(name: "payments.transfer.initiated.v0", delete: TopicDeletion.Unprotect, producers: ["old-api"])]);

        var retiring = Assert.Single(blueprint.Topics, t => t.Name == "payments.transfer.initiated.v0");
        Assert.False(retiring.Protect);
        Assert.True(blueprint.Topics.Single(t => t.Name == "payments.transfer.initiated.v1").Protect);
        Assert.Contains(blueprint.Acls, a => a.Principal == "User:old-api");
        Assert.Equal(["payments.transfer.initiated.v0"], blueprint.Unprotected);
        Assert.Empty(blueprint.MarkedForDeletion);
    }

    [Fact]
    public void Per_stack_delete_mark_deletes_on_that_stack_only()
    {
        var topic = Topic(environments: [new TopicEnvironmentOverride("staging", null, null, null, TopicDeletion.Delete)]);

        Assert.Empty(KafkaTopicCatalog.For("staging", EnvironmentKind.Staging, [topic]).Topics);
        Assert.Single(KafkaTopicCatalog.For("production", EnvironmentKind.Production, [topic]).Topics);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Repository_topics_write_no_Kafka_default_but_the_pinned_ones(string stack)
    {
        var definition = new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles(stack).Definition!;

        var blueprint = KafkaTopicCatalog.For(definition);

        Assert.Equal(definition.Catalog.Topics.Count, blueprint.Topics.Count);
        Assert.All(blueprint.Topics.SelectMany(t => t.Config.Where(c => !(c.Key == KafkaTopicConfigs.DeleteRetentionMs && ConfigOf(t)["cleanup.policy"] == "compact")))
                .Where(c => blueprint.Pinned.All(p => p.Key != c.Key)),
            c => Assert.False(KafkaTopicConfigs.Keys[c.Key].IsKafkaDefault(c.Value), $"{c.Key}={c.Value} is Kafka's default"));
        Assert.Equal(definition.Environment == EnvironmentKind.Production, blueprint.Topics.All(t => t.Protect));
        var snapshot = blueprint.Topics.Single(t => t.Name == "customer.profile.snapshot.v1");
        Assert.Equal("86400000", ConfigOf(snapshot)["delete.retention.ms"]);
    }
}
