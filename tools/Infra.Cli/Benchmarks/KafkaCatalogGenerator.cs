using System.Globalization;
using System.Text;

namespace Infra.Cli.Benchmarks;

/// <summary>
/// Generates a large, valid topic catalog for the benchmark (its state export is written by
/// <c>SyntheticStackExport.WriteKafkaTopics</c>). Deterministic: the same sizes give the same catalog.
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
}
