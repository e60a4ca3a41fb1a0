using Infra.Blueprints.Definition;
using Infra.Policies.Benchmarking;
using Infra.Policies.Evaluation;
using Infra.Policies.Reading;
using Infra.Policies.Rules;
using Infra.Policies.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Policies.Tests.Benchmarking;

/// <summary>The benchmark's generated estate is a valid export of a compliant stack (timing it is the CLI's job, not a test's).</summary>
public sealed class SyntheticStackExportTests
{
    /// <summary>
    /// Sizes that end the export at each kind of cut: whole families (2,203); the Paris half of an Aurora pair without its
    /// Ireland partner (2,187, and 2,210, which ends like the 100,000-resource benchmark: 100,000 = 22 × 4,545 + 10); a
    /// bucket without its access block, encryption and versioning (2,184).
    /// </summary>
    [Theory]
    [InlineData(2_203)]
    [InlineData(2_187)]
    [InlineData(2_210)]
    [InlineData(2_184)]
    public void A_generated_export_has_the_requested_size_and_no_failing_violation(int size)
    {
        using var stream = new MemoryStream();
        SyntheticStackExport.Write(stream, size, "production");
        stream.Position = 0;

        var resources = StackExportReader.ReadAll(stream, "generated.json");
        var report = new ComplianceEvaluator(new FakeTimeProvider(Fixture.Now))
            .Evaluate(resources, PolicyContext.Create("production", EnvironmentKind.Production, new FakeTimeProvider(Fixture.Now)));

        Assert.Equal(size, resources.Count);
        Assert.Empty(report.Violations.Where(v => v.Fails).Select(v => $"{v.RuleId} {v.ResourceType}: {v.Message}").Distinct());
    }

    [Fact]
    public void A_kafka_state_holds_the_given_topics_under_the_component()
    {
        using var stream = new MemoryStream();
        SyntheticStackExport.WriteKafkaTopics(stream,
            [new SyntheticTopic("a.b.c.v1", 6, 3, [new("min.insync.replicas", "2")]), new SyntheticTopic("a.b.d.v1", 1, 2, [])], "staging");
        stream.Position = 0;

        var resources = StackExportReader.ReadAll(stream, "kafka.json");

        Assert.Equal(["pulumi:pulumi:Stack", "pulumi:providers:kafka", "infra:kafka:KafkaTopics", SyntheticStackExport.TopicType, SyntheticStackExport.TopicType],
            resources.Select(r => r.Type));
        var topic = resources.OfType(SyntheticStackExport.TopicType)[0];
        Assert.Equal("urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::a.b.c.v1", topic.Urn);
        Assert.Equal("urn:pulumi:staging::infra::infra:kafka:KafkaTopics::kafka", topic.Parent);
        Assert.Equal((6d, 3d, "2"), (topic.Property("partitions").AsNumber()!.Value, topic.Property("replicationFactor").AsNumber()!.Value, topic.Property("config").Fields["min.insync.replicas"].AsString()));
    }
}
