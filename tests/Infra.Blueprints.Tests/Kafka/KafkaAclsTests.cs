using Infra.Blueprints.Definition;
using Infra.Blueprints.Kafka;
using static Infra.Blueprints.Tests.Kafka.TestTopics;

namespace Infra.Blueprints.Tests.Kafka;

public sealed class KafkaAclsTests
{
    private static List<string> Grants(params KafkaTopicDefinition[] topics) =>
        [.. KafkaAcls.Derive(topics).Select(a => $"{a.Principal} {a.Operation} {a.ResourceType}:{a.PatternType}:{a.Resource}")];

    [Fact]
    public void Producer_gets_write_and_describe_on_the_topic_and_nothing_else()
    {
        Assert.Equal(
            ["User:payments-api Describe Topic:Literal:payments.transfer.initiated.v1", "User:payments-api Write Topic:Literal:payments.transfer.initiated.v1"],
            Grants(Topic(consumers: [])).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Consumer_gets_read_and_describe_on_the_topic_and_read_on_its_group_prefix()
    {
        Assert.Equal(
            ["User:ledger Describe Topic:Literal:payments.transfer.initiated.v1", "User:ledger Read Group:Prefixed:ledger.", "User:ledger Read Topic:Literal:payments.transfer.initiated.v1"],
            Grants(Topic(producers: [])).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Service_that_produces_and_consumes_gets_describe_once()
    {
        var grants = Grants(Topic(producers: ["ledger"], consumers: ["ledger"]));

        Assert.Single(grants, g => g.StartsWith("User:ledger Describe", StringComparison.Ordinal));
        Assert.Equal(4, grants.Count);
    }

    [Fact]
    public void Consumer_group_grant_is_one_per_service_whatever_the_topics()
    {
        var grants = Grants(Topic(), Topic(name: "payments.transfer.completed.v1"));

        Assert.Single(grants, g => g == "User:ledger Read Group:Prefixed:ledger.");
    }

    [Fact]
    public void Topic_without_clients_has_no_acl()
    {
        Assert.Empty(Grants(Topic(producers: [], consumers: [])));
    }

    [Fact]
    public void Resource_names_are_unique_and_read_from_the_topic()
    {
        var acls = KafkaAcls.Derive([Topic(producers: ["payments-api", "back-office"], consumers: ["ledger", "notifications"])]);

        Assert.Equal(acls.Count, acls.Select(a => a.ResourceName).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(acls, a => a.ResourceName == "payments.transfer.initiated.v1-payments-api-write");
        Assert.Contains(acls, a => a.ResourceName == "group-ledger-read");
    }

    [Fact]
    public void Transactional_producer_gets_write_and_describe_on_its_own_transactional_ids()
    {
        var grants = Grants(Topic(producers: ["ledger"], consumers: [], transactionalProducers: ["ledger"]));

        Assert.Equal(
            ["User:ledger Describe Topic:Literal:payments.transfer.initiated.v1", "User:ledger Describe TransactionalID:Prefixed:ledger.",
                "User:ledger Write Topic:Literal:payments.transfer.initiated.v1", "User:ledger Write TransactionalID:Prefixed:ledger."],
            grants.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Transactional_ids_are_granted_once_per_service_and_only_to_services_that_declare_transactions()
    {
        var acls = KafkaAcls.Derive([
            Topic(producers: ["ledger", "payments-api"], transactionalProducers: ["ledger"]),
            Topic(name: "payments.transfer.completed.v1", producers: ["ledger"], transactionalProducers: ["ledger"]),
        ]);

        var transactional = acls.Where(a => a.ResourceType == KafkaAclResourceType.TransactionalID).ToList();
        Assert.Equal(["transactional-id-ledger-describe", "transactional-id-ledger-write"], transactional.Select(a => a.ResourceName).Order(StringComparer.Ordinal));
        Assert.All(transactional, a => Assert.Equal("User:ledger", a.Principal));
        Assert.DoesNotContain(acls, a => a.Principal == "User:payments-api" && a.ResourceType != KafkaAclResourceType.Topic);
    }

    [Fact]
    public void Plain_producers_get_no_cluster_or_transactional_grant()
    {
        Assert.All(KafkaAcls.Derive([Topic(producers: ["payments-api"], consumers: [])]), a => Assert.Equal(KafkaAclResourceType.Topic, a.ResourceType));
    }

    [Fact]
    public void Principal_and_group_prefix_derive_from_the_service_name()
    {
        Assert.Equal("User:fraud-scoring", KafkaAcls.Principal("fraud-scoring"));
        Assert.Equal("fraud-scoring.", KafkaAcls.ConsumerGroupPrefix("fraud-scoring"));
        Assert.Equal("fraud-scoring.", KafkaAcls.TransactionalIdPrefix("fraud-scoring"));
    }
}
