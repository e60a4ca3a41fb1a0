namespace Infra.Cli.Tests.Kafka;

/// <summary>
/// Small <c>pulumi stack export</c> files (deployment version 3), written by hand in the shape the
/// CLI writes them: a stack, the Kafka provider, the component, topics and an ACL.
/// </summary>
public static class StateExports
{
    /// <summary>
    /// Staging as last applied: payments.transfer.initiated.v1 as the catalog has it;
    /// payments.transfer.failed.v1 with one partition more than the catalog; customer.consent.changed.v1
    /// with replication factor 3 (the catalog says 2 on staging); ledger.posting.created.v1 with an
    /// old max.message.bytes; payments.transfer.legacy.v1, no longer in the catalog; and the old
    /// half of a replacement pending deletion.
    /// </summary>
    public const string Staging = """
        {
          "version": 3,
          "deployment": {
            "manifest": { "time": "2026-11-21T18:02:11.123Z", "magic": "x", "version": "v3.200.0" },
            "resources": [
              { "urn": "urn:pulumi:staging::infra::pulumi:pulumi:Stack::infra-staging", "custom": false, "type": "pulumi:pulumi:Stack" },
              { "urn": "urn:pulumi:staging::infra::pulumi:providers:kafka::kafka", "custom": true, "id": "1b2c", "type": "pulumi:providers:kafka",
                "inputs": { "bootstrapServers": "[\"kafka-1.stg.example-bank.eu:9093\"]", "version": "3.13.2" } },
              { "urn": "urn:pulumi:staging::infra::infra:kafka:KafkaTopics::kafka", "custom": false, "type": "infra:kafka:KafkaTopics" },
              { "urn": "urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::payments.transfer.initiated.v1",
                "custom": true, "id": "payments.transfer.initiated.v1", "type": "kafka:index/topic:Topic",
                "inputs": { "config": { "min.insync.replicas": "2" }, "name": "payments.transfer.initiated.v1", "partitions": 6, "replicationFactor": 3 },
                "outputs": { "config": { "min.insync.replicas": "2" }, "id": "payments.transfer.initiated.v1", "name": "payments.transfer.initiated.v1", "partitions": 6, "replicationFactor": 3 },
                "parent": "urn:pulumi:staging::infra::infra:kafka:KafkaTopics::kafka", "provider": "urn:pulumi:staging::infra::pulumi:providers:kafka::kafka::1b2c" },
              { "urn": "urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::payments.transfer.failed.v1",
                "custom": true, "id": "payments.transfer.failed.v1", "type": "kafka:index/topic:Topic",
                "inputs": { "config": { "min.insync.replicas": "2", "retention.ms": "1209600000" }, "name": "payments.transfer.failed.v1", "partitions": 4, "replicationFactor": 3 } },
              { "urn": "urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::customer.consent.changed.v1",
                "custom": true, "id": "customer.consent.changed.v1", "type": "kafka:index/topic:Topic",
                "inputs": { "config": { "retention.ms": "31536000000" }, "name": "customer.consent.changed.v1", "partitions": 1, "replicationFactor": 3 } },
              { "urn": "urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::ledger.posting.created.v1",
                "custom": true, "id": "ledger.posting.created.v1", "type": "kafka:index/topic:Topic",
                "inputs": { "config": { "max.message.bytes": "1048576", "min.insync.replicas": "2", "retention.ms": "2592000000" }, "name": "ledger.posting.created.v1", "partitions": 6, "replicationFactor": 3 } },
              { "urn": "urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::payments.transfer.legacy.v1",
                "custom": true, "id": "payments.transfer.legacy.v1", "type": "kafka:index/topic:Topic",
                "inputs": { "name": "payments.transfer.legacy.v1", "partitions": 3, "replicationFactor": 3 } },
              { "urn": "urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::risk.case.closed.v1",
                "custom": true, "id": "risk.case.closed.v1", "type": "kafka:index/topic:Topic", "delete": true,
                "inputs": { "name": "risk.case.closed.v1", "partitions": 9, "replicationFactor": 2 } },
              { "urn": "urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/acl:Acl::payments.transfer.initiated.v1-ledger-read",
                "custom": true, "id": "User:ledger|*|Read|Allow|Topic|payments.transfer.initiated.v1|Literal", "type": "kafka:index/acl:Acl",
                "inputs": { "aclHost": "*", "aclOperation": "Read", "aclPermissionType": "Allow", "aclPrincipal": "User:ledger",
                  "aclResourceName": "payments.transfer.initiated.v1", "aclResourceType": "Topic", "resourcePatternTypeFilter": "Literal" } }
            ]
          }
        }
        """;

    /// <summary>A state that matches the catalog's payments.transfer.initiated.v1 on staging and holds nothing else.</summary>
    public const string StagingInitiatedOnly = """
        {"version":3,"deployment":{"resources":[
          {"urn":"urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::payments.transfer.initiated.v1","custom":true,
           "type":"kafka:index/topic:Topic","inputs":{"config":{"min.insync.replicas":"2"},"name":"payments.transfer.initiated.v1","partitions":6,"replicationFactor":3}}
        ]}}
        """;

    /// <summary>A brand-new stack: no resources yet.</summary>
    public const string Empty = """{"version":3,"deployment":{"manifest":{"time":"2026-11-22T08:00:00Z"},"resources":null}}""";

    /// <summary>Cut off in the middle: line 4 ends inside a string.</summary>
    public const string Truncated = "{\n  \"version\": 3,\n  \"deployment\": {\n    \"resources\": [ { \"urn\": \"urn:pulumi:sta";

    public const string Version2 = """{"version":2,"deployment":{"resources":[]}}""";

    public const string TopicWithoutPartitions = """
        {"version":3,"deployment":{"resources":[
          {"urn":"urn:pulumi:staging::infra::kafka:index/topic:Topic::a.b.c.v1","type":"kafka:index/topic:Topic","inputs":{"name":"a.b.c.v1","replicationFactor":3}}
        ]}}
        """;

    public const string ConfigValueNotText = """
        {"version":3,"deployment":{"resources":[
          {"urn":"urn:pulumi:s::p::t::u","type":"kafka:index/topic:Topic","inputs":{"name":"a.b.c.v1","partitions":3,"replicationFactor":3,"config":{"retention.ms":604800000}}}
        ]}}
        """;

    /// <summary>A topic config key written twice (line 3, byte 32): which value Pulumi manages is ambiguous.</summary>
    public const string RepeatedConfigKey = "{\"version\":3,\"deployment\":{\"resources\":[\n"
        + "{\"urn\":\"urn:pulumi:s::p::t::u\",\"type\":\"kafka:index/topic:Topic\",\"inputs\":{\"name\":\"a.b.c.v1\",\"partitions\":3,\"replicationFactor\":3,\n"
        + "  \"config\":{\"retention.ms\":\"1\",\"retention.ms\":\"2\"}}}]}}";

    /// <summary>An export holding one resource, given as its JSON object.</summary>
    public static string Export(string resource) => """{"version":3,"deployment":{"resources":[""" + resource + "]}}";

    /// <summary>Writes an export to a temporary file and returns its path.</summary>
    public static string WriteTemporary(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"infra-state-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
