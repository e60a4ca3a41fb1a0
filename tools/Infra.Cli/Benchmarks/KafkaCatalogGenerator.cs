using System.Globalization;
using System.Text;
using System.Text.Json;
using Infra.Blueprints.Kafka;

namespace Infra.Cli.Benchmarks;

/// <summary>
/// Generates a large, valid topic catalog and a matching <c>pulumi stack export</c> with some drift,
/// for the benchmark. Deterministic: the same sizes give the same files.
/// </summary>
internal static class KafkaCatalogGenerator
{
    public const int Teams = 25;
    public const int Domains = 100;

    public static string Team(int index) => $"team-{index % Teams:00}";

    public static string Service(int index) => $"svc-{index:000}";

    public static string CatalogYaml(int topics, int services)
    {
        var yaml = new StringBuilder(topics * 330);
        yaml.Append("topics:\n");
        for (var k = 0; k < topics; k++)
        {
            var domain = k % Domains;
            var compacted = k % 10 == 0;
            var inv = CultureInfo.InvariantCulture;
            yaml.Append(inv, $"  - name: domain-{domain:000}.entity-{k / Domains:00000}.changed.v1\n");
            yaml.Append(inv, $"    owner: {Team(domain)}\n");
            yaml.Append(inv, $"    partitions: {1 + (k % 24)}\n");
            yaml.Append("    replicationFactor: 3\n");
            if (!compacted)
            {
                yaml.Append(inv, $"    retentionHours: {24 * (1 + (k % 30))}\n");
            }
            yaml.Append(compacted ? "    cleanupPolicy: compact\n" : "    cleanupPolicy: delete\n");
            yaml.Append("    dataClassification: internal\n");
            yaml.Append(inv, $"    producers: [{Service(k % services)}]\n");
            yaml.Append(inv, $"    consumers: [{Service((k * 7 + 1) % services)}, {Service((k * 13 + 2) % services)}]\n");
            yaml.Append(compacted
                ? "    config: { min.insync.replicas: \"2\", delete.retention.ms: \"86400000\", min.compaction.lag.ms: \"3600000\" }\n"
                : "    config: { min.insync.replicas: \"2\", max.message.bytes: \"2097152\" }\n");
            yaml.Append("    environments: { staging: { partitions: 1, replicationFactor: 2 } }\n");
        }
        return yaml.ToString();
    }

    /// <summary>
    /// The state of the blueprint's topics as Pulumi would have written it, with drift: one topic in
    /// 1,000 missing (create), one in 50 with a partition less (update), and ten topics no longer
    /// in the catalog (refused deletes).
    /// </summary>
    public static void WriteStateExport(KafkaTopicsBlueprint blueprint, string path)
    {
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("version", 3);
        json.WriteStartObject("deployment");
        json.WriteStartArray("resources");
        var index = 0;
        foreach (var topic in blueprint.Topics)
        {
            index++;
            if (index % 1000 == 0)
            {
                continue;
            }
            WriteTopic(json, blueprint.Stack, topic.Name, index % 50 == 0 ? topic.Partitions - 1 : topic.Partitions, topic.ReplicationFactor,
                topic.Config.Select(c => (c.Key, c.Value)));
        }
        for (var gone = 0; gone < 10; gone++)
        {
            WriteTopic(json, blueprint.Stack, $"legacy.entity-{gone}.changed.v1", 3, 3, []);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteTopic(Utf8JsonWriter json, string stack, string name, int partitions, int replicationFactor, IEnumerable<(string Key, string Value)> config)
    {
        json.WriteStartObject();
        json.WriteString("urn", $"urn:pulumi:{stack}::infra::infra:kafka:KafkaTopics${StackExportReader.TopicType}::{name}");
        json.WriteBoolean("custom", true);
        json.WriteString("id", name);
        json.WriteString("type", StackExportReader.TopicType);
        foreach (var section in new[] { "inputs", "outputs" })
        {
            json.WriteStartObject(section);
            json.WriteString("name", name);
            json.WriteNumber("partitions", partitions);
            json.WriteNumber("replicationFactor", replicationFactor);
            json.WriteStartObject("config");
            foreach (var (key, value) in config)
            {
                json.WriteString(key, value);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteString("parent", $"urn:pulumi:{stack}::infra::infra:kafka:KafkaTopics::kafka");
        json.WriteEndObject();
    }
}
