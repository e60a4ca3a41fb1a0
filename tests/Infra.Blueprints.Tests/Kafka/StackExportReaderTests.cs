using System.Text;
using Infra.Blueprints.Kafka;

namespace Infra.Blueprints.Tests.Kafka;

public sealed class StackExportReaderTests
{
    private static IReadOnlyList<DeployedTopic> Read(string json) => StackExportReader.ReadTopics(Encoding.UTF8.GetBytes(json));

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
    public void Resource_pending_deletion_is_left_out()
    {
        Assert.DoesNotContain(Read(StateExports.Staging), t => t.Name == "risk.case.closed.v1");
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
            Assert.Equal("payments.transfer.initiated.v1", Assert.Single(StackExportReader.ReadTopics(path)).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(nameof(StateExports.Truncated), 4, "")]
    [InlineData(nameof(StateExports.Version2), 1, "deployment version 2 is not supported; expected 3")]
    [InlineData(nameof(StateExports.TopicWithoutPartitions), 2, "a kafka:index/topic:Topic without inputs.partitions")]
    [InlineData(nameof(StateExports.ConfigValueNotText), 2, "config \"retention.ms\" must be a string")]
    public void Unreadable_export_is_an_error_with_its_position(string fixture, int line, string message)
    {
        var json = (string)typeof(StateExports).GetField(fixture)!.GetValue(null)!;

        var error = Assert.Throws<StackExportException>(() => Read(json));

        Assert.Equal(line, error.Line);
        Assert.True(error.BytePositionInLine > 0);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}, byte ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_an_error_at_its_start()
    {
        var error = Assert.Throws<StackExportException>(() => Read("stack: staging\n"));

        Assert.Equal((1, 1), (error.Line, error.BytePositionInLine));
    }
}
