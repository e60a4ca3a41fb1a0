using System.Text;
using System.Text.Json;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Kafka;

/// <summary>
/// Reads the Kafka topics out of a <c>pulumi stack export</c> file (deployment version 3) with a
/// forward-only <see cref="Utf8JsonReader"/>: no document tree is built, every other resource is
/// skipped. Resources pending deletion (<c>"delete": true</c>) are left out: they are the old half
/// of a replacement already under way.
/// </summary>
public static class StackExportReader
{
    public const string TopicType = "kafka:index/topic:Topic";

    public static IReadOnlyList<DeployedTopic> ReadTopics(string path) => ReadTopics(File.ReadAllBytes(path));

    public static IReadOnlyList<DeployedTopic> ReadTopics(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            return ReadRoot(ref reader, json);
        }
        catch (JsonException e)
        {
            // The reader's own syntax errors carry 0-based positions.
            throw new StackExportException(FirstSentence(e.Message), (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
        }
    }

    private static List<DeployedTopic> ReadRoot(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        Expect(ref reader, json, JsonTokenType.StartObject, "the file must be a JSON object, as `pulumi stack export` writes it");
        int? version = null;
        List<DeployedTopic>? topics = null;
        while (NextProperty(ref reader, json) is { } name)
        {
            switch (name)
            {
                case "version":
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var v))
                    {
                        throw Fail(reader, json, "\"version\" must be a number");
                    }
                    if (v != 3)
                    {
                        throw Fail(reader, json, $"deployment version {v} is not supported; expected 3 (the format of `pulumi stack export`)");
                    }
                    version = v;
                    break;
                case "deployment":
                    topics = ReadDeployment(ref reader, json);
                    break;
                default:
                    reader.Read();
                    reader.Skip();
                    break;
            }
        }
        if (version is null || topics is null)
        {
            throw Fail(reader, json, $"missing \"{(version is null ? "version" : "deployment")}\"; expected {{\"version\": 3, \"deployment\": {{\"resources\": [...]}}}}");
        }
        return topics;
    }

    private static List<DeployedTopic> ReadDeployment(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        Expect(ref reader, json, JsonTokenType.StartObject, "\"deployment\" must be an object");
        var topics = new List<DeployedTopic>();
        while (NextProperty(ref reader, json) is { } name)
        {
            if (name != "resources")
            {
                reader.Read();
                reader.Skip();
                continue;
            }
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Fail(reader, json, "\"deployment.resources\" must be a list");
            }
            for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                if (ReadResource(ref reader, json, index) is { } topic)
                {
                    topics.Add(topic);
                }
            }
        }
        return topics;
    }

    private static DeployedTopic? ReadResource(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int index)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Fail(reader, json, $"deployment.resources[{index}] must be an object");
        }
        var start = reader;
        string? urn = null;
        string? type = null;
        var pendingDelete = false;
        TopicFields? inputs = null;
        TopicFields? outputs = null;
        while (NextProperty(ref reader, json) is { } name)
        {
            reader.Read();
            switch (name)
            {
                case "urn" when reader.TokenType == JsonTokenType.String:
                    urn = reader.GetString();
                    break;
                case "type" when reader.TokenType == JsonTokenType.String:
                    type = reader.GetString();
                    break;
                case "delete" when reader.TokenType is JsonTokenType.True:
                    pendingDelete = true;
                    break;
                case "inputs" when reader.TokenType == JsonTokenType.StartObject:
                    inputs = ReadTopicFields(ref reader, json);
                    break;
                case "outputs" when reader.TokenType == JsonTokenType.StartObject:
                    outputs = ReadTopicFields(ref reader, json);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (type != TopicType || pendingDelete)
        {
            return null;
        }
        var where = $"deployment.resources[{index}] ({urn ?? "no urn"})";
        var topicName = inputs?.Name ?? outputs?.Name;
        var partitions = inputs?.Partitions ?? outputs?.Partitions;
        var replication = inputs?.ReplicationFactor ?? outputs?.ReplicationFactor;
        if (urn is null || topicName is null || partitions is null || replication is null)
        {
            var missing = urn is null ? "urn" : topicName is null ? "inputs.name" : partitions is null ? "inputs.partitions" : "inputs.replicationFactor";
            throw Fail(start, json, $"{where}: a {TopicType} without {missing}");
        }
        var config = (inputs?.Config ?? outputs?.Config ?? []).OrderBy(c => c.Key, StringComparer.Ordinal).ToEquatableList();
        return new DeployedTopic(urn, topicName, partitions.Value, replication.Value, config);
    }

    private sealed record TopicFields(string? Name, int? Partitions, int? ReplicationFactor, List<TopicConfigEntry>? Config);

    private static TopicFields ReadTopicFields(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        string? name = null;
        int? partitions = null;
        int? replication = null;
        List<TopicConfigEntry>? config = null;
        while (NextProperty(ref reader, json) is { } property)
        {
            reader.Read();
            switch (property)
            {
                case "name" when reader.TokenType == JsonTokenType.String:
                    name = reader.GetString();
                    break;
                case "partitions" when reader.TokenType == JsonTokenType.Number:
                    partitions = WholeNumber(ref reader, json, property);
                    break;
                case "replicationFactor" when reader.TokenType == JsonTokenType.Number:
                    replication = WholeNumber(ref reader, json, property);
                    break;
                case "config" when reader.TokenType == JsonTokenType.StartObject:
                    config = [];
                    while (NextProperty(ref reader, json) is { } key)
                    {
                        reader.Read();
                        if (reader.TokenType != JsonTokenType.String)
                        {
                            throw Fail(reader, json, $"config \"{key}\" must be a string, as the Kafka provider stores it");
                        }
                        config.Add(new TopicConfigEntry(key, reader.GetString()!));
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return new TopicFields(name, partitions, replication, config);
    }

    // Pulumi writes numbers as JSON numbers, possibly with a fraction part of zero (24.0).
    private static int WholeNumber(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string property) =>
        reader.TryGetDouble(out var value) && value == Math.Floor(value) && value is >= 0 and <= int.MaxValue
            ? (int)value
            : throw Fail(reader, json, $"\"{property}\" must be a whole number, found {Encoding.UTF8.GetString(reader.ValueSpan)}");

    /// <summary>The next property name of the current object, or null at its end.</summary>
    private static string? NextProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (!reader.Read())
        {
            throw Fail(reader, json, "the file ends in the middle of an object");
        }
        return reader.TokenType == JsonTokenType.EndObject ? null : reader.GetString();
    }

    private static void Expect(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, JsonTokenType type, string message)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw Fail(reader, json, message);
        }
    }

    private static StackExportException Fail(Utf8JsonReader reader, ReadOnlySpan<byte> json, string message)
    {
        var offset = (int)Math.Min(reader.TokenStartIndex, json.Length);
        var before = json[..offset];
        var line = before.Count((byte)'\n') + 1;
        var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return new StackExportException(message, line, column);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd(' ', '.');
    }
}
