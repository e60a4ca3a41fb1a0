using Infra.Blueprints.Definition;
using Infra.Blueprints.Tests.Loading;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Kafka;

/// <summary>Each broken topic entry is reported with its file, key path and line, on the stack whose rules it breaks.</summary>
public sealed class KafkaTopicBrokenInputTests
{
    private const string AuditConfig = "      min.insync.replicas: \"2\"\n      compression.type: \"zstd\"";
    private const string ModelDeployed = "name: risk.model.deployed.v1\n    owner: risk\n    partitions: 1\n    replicationFactor: 3";

    private static readonly Dictionary<string, BrokenInputCase> StagingCases = new()
    {
        ["config key not in the allow-list"] = Topics("compression.type: \"zstd\"", "compresion.type: \"zstd\"",
            "topics[36].config.compresion.type", "is not a Kafka topic config key the catalog allows; did you mean 'compression.type'?"),
        ["config value not among the choices"] = Topics("compression.type: \"zstd\"", "compression.type: \"brotli\"",
            "topics[36].config.compression.type", "'brotli' is not a valid compression.type; expected one of uncompressed, zstd, lz4, snappy, gzip, producer"),
        ["config number out of bounds"] = Topics("max.message.bytes: \"4194304\"", "max.message.bytes: \"99999999\"",
            "topics[17].config.max.message.bytes", "expected a whole number between 1024 and 8388608"),
        ["config number that is not a number"] = Topics("max.message.bytes: \"4194304\"", "max.message.bytes: 4MB",
            "topics[17].config.max.message.bytes", "'4MB' is not a valid max.message.bytes"),
        ["config flag that is not true or false"] = Topics("compression.type: \"zstd\"", "unclean.leader.election.enable: \"yes\"",
            "topics[36].config.unclean.leader.election.enable", "expected true or false"),
        ["config ratio above one"] = Topics("compression.type: \"zstd\"", "min.cleanable.dirty.ratio: \"1.5\"",
            "topics[36].config.min.cleanable.dirty.ratio", "expected a decimal number between 0 and 1"),
        ["retention.ms under config"] = Topics("compression.type: \"zstd\"", "retention.ms: \"1000\"",
            "topics[36].config.retention.ms", "'retention.ms' is set by the topic's 'retentionHours' key, not under config"),
        ["cleanup.policy under config"] = Topics("max.message.bytes: \"4194304\"", "cleanup.policy: compact",
            "topics[17].config.cleanup.policy", "'cleanup.policy' is set by the topic's 'cleanupPolicy' key"),
        ["min.insync.replicas above the replication factor"] = Topics(
            "max.message.bytes: \"2097152\"\n    environments:\n      staging: { partitions: 3, replicationFactor: 2 }",
            "max.message.bytes: \"2097152\"\n      min.insync.replicas: \"3\"\n    environments:\n      staging: { partitions: 3, replicationFactor: 2 }",
            "topics[25].config.min.insync.replicas", "3 is more than the replication factor 2 on stack 'staging'"),
        ["partitions out of bounds"] = Topics(ModelDeployed, ModelDeployed.Replace("partitions: 1", "partitions: 2000", StringComparison.Ordinal),
            "topics[33].partitions", "must be between 1 and 1024, found 2000"),
        ["retention out of bounds"] = Topics("name: ledger.end-of-day.closed.v1\n    owner: core-banking\n    partitions: 1\n    replicationFactor: 3\n    retentionHours: 8760",
            "name: ledger.end-of-day.closed.v1\n    owner: core-banking\n    partitions: 1\n    replicationFactor: 3\n    retentionHours: 9000",
            "topics[13].retentionHours", "must be between 1 and 8760, found 9000"),
        ["delete mark that is not false, unprotect or true"] = Topics("name: payments.transfer.initiated.v1\n", "name: payments.transfer.initiated.v1\n    delete: yes\n",
            "topics[0].delete", "expected false, unprotect (release 1: drop the production protection, keep the topic) or true (release 2: delete the topic), found 'yes'"),
        ["per-stack delete mark that is not false, unprotect or true"] = Topics("name: reporting.regulatory-report.generated.v1\n",
            "name: reporting.regulatory-report.generated.v1\n    environments: { staging: { delete: maybe } }\n",
            "topics[37].environments.staging.delete", "expected false, unprotect (release 1: drop the production protection, keep the topic) or true (release 2: delete the topic), found 'maybe'"),
        ["unknown key in a per-stack override"] = Topics("      staging: { partitions: 6 }\n\n  - name: payments.transfer.completed.v1",
            "      staging: { partitions: 6, replicas: 2 }\n\n  - name: payments.transfer.completed.v1",
            "topics[0].environments.staging.replicas", "unknown key 'replicas'"),
        ["transactional producer that is not a producer"] = Topics("producers: [payments-api]\n    consumers: [ledger, fraud-scoring, notifications]",
            "producers: [payments-api]\n    transactionalProducers: [ledger]\n    consumers: [ledger, fraud-scoring, notifications]",
            "topics[0].transactionalProducers[0]", "'ledger' writes in transactions but is not a producer of this topic; list it under producers too"),
        ["transactional producer that is not a service"] = Topics("producers: [payments-api]\n    consumers: [ledger, fraud-scoring, notifications]",
            "producers: [payments-api]\n    transactionalProducers: [Payments_API]\n    consumers: [ledger, fraud-scoring, notifications]",
            "topics[0].transactionalProducers[0]", "a service name"),
        ["restricted compacted topic without a bound or an erasure process"] = Topics(
            "    erasure: customer-profile writes a tombstone for each customer that a GDPR erasure request removes   # declared process; tombstones stay delete.retention.ms\n", "",
            "topics[20].cleanupPolicy", "restricted and compacted without retentionHours: every key's last value is kept for ever, so erasure rests on tombstones; missing erasure. Expected retentionHours"),
        ["restricted compacted topic without a tombstone retention"] = Topics("      delete.retention.ms: \"86400000\"\n      min.insync.replicas: \"2\"\n      min.compaction.lag.ms: \"600000\"",
            "      min.insync.replicas: \"2\"\n      min.compaction.lag.ms: \"600000\"",
            "topics[10].cleanupPolicy", "missing config.delete.retention.ms"),
        ["topic in another team's domain"] = Topics("name: payments.transfer.completed.v1\n    owner: payments", "name: payments.transfer.completed.v1\n    owner: cards",
            "topics[1].owner", "domain 'payments' belongs to team 'payments' (topics[0]); topics of a domain have one owner team"),
    };

    private static readonly Dictionary<string, BrokenInputCase> ProductionCases = new()
    {
        ["replication factor below 3 in production"] = Topics(ModelDeployed, ModelDeployed.Replace("replicationFactor: 3", "replicationFactor: 2", StringComparison.Ordinal),
            "topics[33].replicationFactor", "replication factor 2 on production stack 'production'; production topics have replication factor 3"),
        ["production override lowering the replication factor"] = Topics("name: risk.model.deployed.v1\n",
            "name: risk.model.deployed.v1\n    environments: { production: { replicationFactor: 2 } }\n",
            "topics[33].environments.production.replicationFactor", "production topics have replication factor 3"),
        ["min.insync.replicas other than 2 in production"] = Topics(AuditConfig, AuditConfig.Replace("\"2\"", "\"1\"", StringComparison.Ordinal),
            "topics[36].config.min.insync.replicas", "1 on production stack 'production'; production topics have min.insync.replicas 2"),
        ["unclean leader election in production"] = Topics("compression.type: \"zstd\"", "unclean.leader.election.enable: \"true\"",
            "topics[36].config.unclean.leader.election.enable", "loses acknowledged writes"),
    };

    public static TheoryData<string> StagingCaseNames() => [.. StagingCases.Keys];

    public static TheoryData<string> ProductionCaseNames() => [.. ProductionCases.Keys];

    [Theory]
    [MemberData(nameof(StagingCaseNames))]
    public void Broken_topic_is_reported_on_staging(string caseName) => StagingCases[caseName].AssertReported("staging");

    [Theory]
    [MemberData(nameof(ProductionCaseNames))]
    public void Broken_topic_is_reported_on_production(string caseName) => ProductionCases[caseName].AssertReported("production");

    [Fact]
    public void Cases_cover_at_least_twelve_kinds_of_broken_topic() => Assert.True(StagingCases.Count + ProductionCases.Count >= 12);

    [Theory]
    [InlineData("unclean.leader.election.enable: \"true\"")]
    [InlineData("min.insync.replicas: \"1\"")]
    public void Staging_may_use_less_than_production(string config)
    {
        using var repository = new RepositoryCopy().Edit(Files.Topics, AuditConfig, "      " + config);

        Assert.False(repository.Loader.LoadFromFiles("staging").HasErrors);
        Assert.True(repository.Loader.LoadFromFiles("production").HasErrors);
    }

    [Fact]
    public void Topic_marked_for_deletion_needs_no_known_clients()
    {
        using var repository = new RepositoryCopy().Edit(Files.Topics,
            "name: risk.model.deployed.v1\n    owner: risk\n    partitions: 1\n    replicationFactor: 3\n    retentionHours: 8760\n    cleanupPolicy: delete\n    dataClassification: internal\n    producers: [fraud-scoring]",
            "name: risk.model.deployed.v1\n    delete: true\n    owner: risk\n    partitions: 1\n    replicationFactor: 3\n    retentionHours: 8760\n    cleanupPolicy: delete\n    dataClassification: internal\n    producers: [retired-model-server]");

        var result = repository.Loader.LoadFromFiles("production");

        Assert.False(result.HasErrors, result.FormatErrors());
        Assert.Equal(TopicDeletion.Delete, result.Definition!.Catalog.Topics.Single(t => t.Name == "risk.model.deployed.v1").Delete);
    }

    [Theory]
    [InlineData("unprotect", TopicDeletion.Unprotect)]
    [InlineData("true", TopicDeletion.Delete)]
    [InlineData("false", TopicDeletion.None)]
    public void Delete_mark_reads_each_step(string mark, TopicDeletion expected)
    {
        using var repository = new RepositoryCopy().Edit(Files.Topics, "  - name: risk.model.deployed.v1\n", $"  - name: risk.model.deployed.v1\n    delete: {mark}\n");

        var result = repository.Loader.LoadFromFiles("production");

        Assert.False(result.HasErrors, result.FormatErrors());
        Assert.Equal(expected, result.Definition!.Catalog.Topics.Single(t => t.Name == "risk.model.deployed.v1").Delete);
    }

    [Fact]
    public void Malformed_topic_catalog_is_one_error_with_its_line()
    {
        using var repository = new RepositoryCopy().Edit(Files.Topics, "    owner: risk\n    partitions: 1\n", "    owner: risk\n  partitions: 1\n");

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors, e => e.File == Files.Topics);

        Assert.Contains("is not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.Equal(repository.LineOf(Files.Topics, "  partitions: 1\n    replicationFactor: 3\n    retentionHours: 8760\n    cleanupPolicy: delete\n    dataClassification: internal"), error.Line);
    }

    [Fact]
    public void Unknown_top_level_key_of_the_topic_catalog_is_reported()
    {
        using var repository = new RepositoryCopy().Edit(Files.Topics, "topics:\n", "topic-defaults: {}\ntopics:\n");

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors);

        Assert.Equal("topic-defaults", error.KeyPath);
        Assert.Equal("unknown key 'topic-defaults'; allowed keys: topics", error.Message);
        Assert.Equal(repository.LineOf(Files.Topics, "topic-defaults"), error.Line);
    }

    [Theory]
    [InlineData("", "", "the file is empty")]
    [InlineData("teams: []\n", "teams", "unknown key 'teams'; allowed keys: topics")]
    [InlineData("# no topics yet\nother: 1\n", "topics", "missing required key 'topics'")]
    [InlineData("topics:\n", "topics", "has no value")]
    [InlineData("topics: {}\n", "topics", "expected a list, found a mapping")]
    [InlineData("topics: []\ntopics: []\n", "topics", "Duplicate key topics")]
    [InlineData("- name: a.b.c.v1\n", "", "expected a mapping of keys to values, found a list")]
    public void Topic_catalog_of_the_wrong_shape_is_reported(string text, string keyPath, string message)
    {
        using var repository = new RepositoryCopy();
        File.WriteAllText(Path.Combine(repository.Root, Files.Topics), text);

        Assert.Contains(repository.Loader.LoadFromFiles("staging").Errors,
            e => e.File == Files.Topics && e.KeyPath == keyPath && e.Message.Contains(message, StringComparison.Ordinal));
    }

    private static BrokenInputCase Topics(string find, string replace, string keyPath, string message) =>
        new(Files.Topics, find, replace, Files.Topics, keyPath, message);
}
