using Infra.Blueprints.Definition;
using Infra.Blueprints.Kafka;

namespace Infra.Blueprints.Tests.Kafka;

/// <summary>
/// Staging's topics as last applied, as the planner takes them: what the CLI reads from the hand-written export
/// <c>StateExports.Staging</c> (tests/Infra.Cli.Tests/Kafka; a test there checks that it reads exactly these).
/// payments.transfer.initiated.v1 as the catalog has it; payments.transfer.failed.v1 with one partition more than the
/// catalog; customer.consent.changed.v1 with replication factor 3 (the catalog says 2 on staging);
/// ledger.posting.created.v1 with an old max.message.bytes; payments.transfer.legacy.v1, no longer in the catalog.
/// The export's risk.case.closed.v1, pending deletion, is not among them.
/// </summary>
public static class DeployedStaging
{
    public const string UrnPrefix = "urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::";

    public static IReadOnlyList<DeployedTopic> Topics { get; } =
    [
        Topic("payments.transfer.initiated.v1", 6, 3, ("min.insync.replicas", "2")),
        Topic("payments.transfer.failed.v1", 4, 3, ("min.insync.replicas", "2"), ("retention.ms", "1209600000")),
        Topic("customer.consent.changed.v1", 1, 3, ("retention.ms", "31536000000")),
        Topic("ledger.posting.created.v1", 6, 3, ("max.message.bytes", "1048576"), ("min.insync.replicas", "2"), ("retention.ms", "2592000000")),
        Topic("payments.transfer.legacy.v1", 3, 3),
    ];

    private static DeployedTopic Topic(string name, int partitions, int replicationFactor, params (string Key, string Value)[] config) =>
        new(UrnPrefix + name, name, partitions, replicationFactor, config.Select(c => new TopicConfigEntry(c.Key, c.Value)).ToEquatableList());
}
