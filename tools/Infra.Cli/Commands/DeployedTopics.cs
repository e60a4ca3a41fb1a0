using System.Globalization;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Kafka;
using Infra.Policies.Model;
using Infra.Policies.Reading;

namespace Infra.Cli.Commands;

/// <summary>
/// The Kafka topics of a <c>pulumi stack export</c>, for <see cref="KafkaChangePlanner"/>: the one reader of the
/// export (<see cref="StackExportReader"/>, in Infra.Policies) mapped to the planner's input (<see cref="DeployedTopic"/>,
/// in Infra.Blueprints). It lives in the CLI, which sees both, so that the Pulumi-free blueprints do not depend on the
/// policies. A problem is a <see cref="StateFileException"/> with the file and the position.
/// </summary>
internal static class DeployedTopics
{
    public const string TopicType = "kafka:index/topic:Topic";

    public static IReadOnlyList<DeployedTopic> ReadFile(string path) => From(StackExportReader.ReadFileEntries(path));

    public static IReadOnlyList<DeployedTopic> Read(Stream stream, string fileName) => From(StackExportReader.ReadEntries(stream, fileName));

    /// <summary>
    /// The topics in file order. A topic pending deletion (<c>"delete": true</c>) is left out: it is the old half of a
    /// replacement under way (or a deletion that failed), not the live topic the stack manages; the rules still judge it
    /// (<see cref="StackExportEntry.PendingDeletion"/>). A live topic named twice is an error: a cluster holds one topic
    /// per name, so a second one is a damaged or hand-edited export, and the plan would compare against either.
    /// </summary>
    public static IReadOnlyList<DeployedTopic> From(IEnumerable<StackExportEntry> entries)
    {
        var topics = new List<DeployedTopic>();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Resource.Type == TopicType && !entry.PendingDeletion)
            {
                var topic = Topic(entry);
                if (!lines.TryAdd(topic.Name, entry.Line))
                {
                    throw entry.Error(string.Create(CultureInfo.InvariantCulture, $"topic '{topic.Name}' is in the state a second time (first at line {lines[topic.Name]}); an export holds each live topic once"));
                }
                topics.Add(topic);
            }
        }
        return topics;
    }

    /// <summary>A topic from its inputs, as it was last applied; an input missing falls back to the output (the provider's value).</summary>
    private static DeployedTopic Topic(StackExportEntry entry)
    {
        var resource = entry.Resource;
        var name = resource.Property("name").AsString() ?? throw entry.Error($"a {TopicType} without inputs.name");
        var partitions = WholeNumber(entry, "partitions");
        var replication = WholeNumber(entry, "replicationFactor");
        var config = new List<TopicConfigEntry>();
        var configValue = resource.Property("config");
        if (configValue.Kind is not (PropertyKind.Map or PropertyKind.Null))
        {
            throw entry.Error($"\"config\" must be an object of strings, as the Kafka provider stores it; found {configValue}");
        }
        foreach (var (key, value) in configValue.Fields)
        {
            config.Add(new TopicConfigEntry(key, value.AsString() ?? throw entry.Error($"config \"{key}\" must be a string, as the Kafka provider stores it; found {value}")));
        }
        // The reader refuses a key repeated in one object, so the keys are unique; sorted, two exports of one state compare equal.
        config.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new DeployedTopic(resource.Urn, name, partitions, replication, config.ToEquatableList(), resource.Protect);
    }

    // Pulumi writes numbers as JSON numbers, possibly with a fraction part of zero (24.0).
    private static int WholeNumber(StackExportEntry entry, string property)
    {
        var value = entry.Resource.Property(property);
        if (!value.IsPresent)
        {
            throw entry.Error($"a {TopicType} without inputs.{property}");
        }
        return value.Kind == PropertyKind.Number && value.AsNumber() is { } number && number == Math.Floor(number) && number is >= 0 and <= int.MaxValue
            ? (int)number
            : throw entry.Error(string.Create(CultureInfo.InvariantCulture, $"\"{property}\" must be a whole number, found {value}"));
    }
}
