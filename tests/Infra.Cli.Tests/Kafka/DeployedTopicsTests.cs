using System.Text;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.Tests.Kafka;
using Infra.Cli.Commands;
using Infra.Policies.Reading;

namespace Infra.Cli.Tests.Kafka;

/// <summary>The Kafka topics of a <c>pulumi stack export</c>, read by the one reader of the export and mapped for the planner.</summary>
public sealed class DeployedTopicsTests
{
    private static IReadOnlyList<DeployedTopic> Read(string json) => DeployedTopics.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "state.json");

    [Fact]
    public void Reads_the_topics_and_skips_every_other_resource()
    {
        var topics = Read(StateExports.Staging);

        Assert.Equal(
            ["payments.transfer.initiated.v1", "payments.transfer.failed.v1", "customer.consent.changed.v1", "ledger.posting.created.v1", "payments.transfer.legacy.v1"],
            topics.Select(t => t.Name));
        var failed = topics[1];
        Assert.Equal((4, 3), (failed.Partitions, failed.ReplicationFactor));
        Assert.Equal("urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::payments.transfer.failed.v1", failed.Urn);
        Assert.Equal(["min.insync.replicas=2", "retention.ms=1209600000"], failed.Config.Select(c => $"{c.Key}={c.Value}"));
    }

    [Fact]
    public void The_staging_export_holds_what_the_planner_tests_compare_with()
    {
        Assert.Equal(DeployedStaging.Topics, Read(StateExports.Staging));
    }

    [Fact]
    public void Topic_pending_deletion_is_left_out_of_the_plan_but_read_for_the_rules()
    {
        Assert.DoesNotContain(Read(StateExports.Staging), t => t.Name == "risk.case.closed.v1");

        var entry = Assert.Single(StackExportReader.ReadEntries(new MemoryStream(Encoding.UTF8.GetBytes(StateExports.Staging)), "state.json"),
            e => e.Resource.Urn.EndsWith("::risk.case.closed.v1", StringComparison.Ordinal));
        Assert.True(entry.PendingDeletion);
        Assert.Contains(StackExportReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(StateExports.Staging)), "state.json"), r => r.Urn == entry.Resource.Urn);
    }

    [Fact]
    public void Stack_without_resources_has_no_topics()
    {
        Assert.Empty(Read(StateExports.Empty));
    }

    [Fact]
    public void Reads_from_a_file()
    {
        var path = StateExports.WriteTemporary(StateExports.StagingInitiatedOnly);
        try
        {
            Assert.Equal("payments.transfer.initiated.v1", Assert.Single(DeployedTopics.ReadFile(path)).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Config_is_sorted_by_key()
    {
        var topic = Assert.Single(Read(StateExports.Export("""{"urn":"urn:pulumi:s::p::t::u","type":"kafka:index/topic:Topic","inputs":{"name":"a.b.c.v1","partitions":3,"replicationFactor":3,"config":{"retention.ms":"1","cleanup.policy":"compact"}}}""")));

        Assert.Equal(["cleanup.policy", "retention.ms"], topic.Config.Select(c => c.Key));
    }

    [Fact]
    public void Missing_inputs_are_taken_from_the_outputs()
    {
        var topic = Assert.Single(Read(StateExports.Export("""{"urn":"urn:pulumi:s::p::t::u","type":"kafka:index/topic:Topic","inputs":{"name":"a.b.c.v1"},"outputs":{"partitions":24.0,"replicationFactor":3}}""")));

        Assert.Equal((24, 3), (topic.Partitions, topic.ReplicationFactor));
    }

    [Theory]
    [InlineData(nameof(StateExports.Truncated), 4, "the file ends early; it looks truncated")]
    [InlineData(nameof(StateExports.Version2), 1, "unsupported deployment version 2")]
    [InlineData(nameof(StateExports.TopicWithoutPartitions), 2, "deployment.resources[0] (urn:pulumi:staging::infra::kafka:index/topic:Topic::a.b.c.v1): a kafka:index/topic:Topic without inputs.partitions")]
    [InlineData(nameof(StateExports.ConfigValueNotText), 2, "config \"retention.ms\" must be a string")]
    [InlineData(nameof(StateExports.RepeatedConfigKey), 3, "deployment.resources[0]: the key \"retention.ms\" appears twice in one object")]
    public void Unreadable_export_is_an_error_with_its_position(string fixture, int line, string message)
    {
        var json = (string)typeof(StateExports).GetField(fixture)!.GetValue(null)!;

        var error = Assert.Throws<StateFileException>(() => Read(json));

        Assert.Equal(line, error.Line);
        Assert.True(error.Column > 0);
        Assert.Contains(message, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"state.json:{line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_an_error_at_its_start()
    {
        var error = Assert.Throws<StateFileException>(() => Read("stack: staging\n"));

        Assert.Equal((1L, 1L), (error.Line, error.Column));
    }
}
