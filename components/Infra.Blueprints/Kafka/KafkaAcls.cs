using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Kafka;

/// <summary>
/// Derives ACLs from who produces and consumes what, and nothing else: producers get WRITE and
/// DESCRIBE on the topic, consumers READ and DESCRIBE on the topic and READ on their own consumer
/// groups. A transactional producer also gets WRITE and DESCRIBE on its own transactional ids. A
/// service authenticates as <c>User:&lt;service&gt;</c> (its SASL/SCRAM user name) and names its
/// consumer groups and transactional ids <c>&lt;service&gt;.&lt;purpose&gt;</c>. No one gets
/// IDEMPOTENT_WRITE on the cluster: from Kafka 2.8 (KIP-679) WRITE on a topic authorizes idempotent
/// writes to it, and transactional writes are authorized by the transactional id.
/// </summary>
public static class KafkaAcls
{
    public static string Principal(string service) => "User:" + service;

    /// <summary>The dot ends the prefix, so service <c>ledger</c> cannot read the groups of <c>ledger-archive</c>.</summary>
    public static string ConsumerGroupPrefix(string service) => service + ".";

    /// <summary>Like the groups: <c>ledger</c> cannot take over the transactions of <c>ledger-archive</c>.</summary>
    public static string TransactionalIdPrefix(string service) => service + ".";

    public static EquatableList<KafkaAclBlueprint> Derive(IEnumerable<KafkaTopicDefinition> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var acls = new Dictionary<string, KafkaAclBlueprint>(StringComparer.Ordinal);
        var principals = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var transactional = new HashSet<string>(StringComparer.Ordinal);
        string PrincipalOf(string service) =>
            principals.TryGetValue(service, out var principal) ? principal : principals[service] = Principal(service);
        foreach (var topic in topics)
        {
            foreach (var producer in topic.Producers)
            {
                Add(acls, OnTopic(topic.Name, producer, PrincipalOf(producer), KafkaAclOperation.Write));
                Add(acls, OnTopic(topic.Name, producer, PrincipalOf(producer), KafkaAclOperation.Describe));
            }
            foreach (var producer in topic.TransactionalProducers.Where(transactional.Add))
            {
                Add(acls, OnTransactionalIds(producer, PrincipalOf(producer), KafkaAclOperation.Write));
                Add(acls, OnTransactionalIds(producer, PrincipalOf(producer), KafkaAclOperation.Describe));
            }
            foreach (var consumer in topic.Consumers)
            {
                Add(acls, OnTopic(topic.Name, consumer, PrincipalOf(consumer), KafkaAclOperation.Read));
                Add(acls, OnTopic(topic.Name, consumer, PrincipalOf(consumer), KafkaAclOperation.Describe));
                if (groups.Add(consumer))
                {
                    Add(acls, new KafkaAclBlueprint($"group-{consumer}-read", KafkaAclResourceType.Group, ConsumerGroupPrefix(consumer),
                        KafkaAclPatternType.Prefixed, PrincipalOf(consumer), KafkaAclOperation.Read));
                }
            }
        }
        return acls.Values.OrderBy(a => a.ResourceName, StringComparer.Ordinal).ToEquatableList();
    }

    // The operation is the last hyphen-free word of the name, so two grants never share a name.
    private static KafkaAclBlueprint OnTopic(string topic, string service, string principal, KafkaAclOperation operation) =>
        new($"{topic}-{service}-{Word(operation)}", KafkaAclResourceType.Topic, topic, KafkaAclPatternType.Literal, principal, operation);

    // Transactions need WRITE (begin, add partitions, commit) and DESCRIBE (find the transaction coordinator).
    private static KafkaAclBlueprint OnTransactionalIds(string service, string principal, KafkaAclOperation operation) =>
        new($"transactional-id-{service}-{Word(operation)}", KafkaAclResourceType.TransactionalID, TransactionalIdPrefix(service),
            KafkaAclPatternType.Prefixed, principal, operation);

    private static string Word(KafkaAclOperation operation) => operation switch
    {
        KafkaAclOperation.Read => "read",
        KafkaAclOperation.Write => "write",
        _ => "describe",
    };

    private static void Add(Dictionary<string, KafkaAclBlueprint> acls, KafkaAclBlueprint acl) => acls.TryAdd(acl.ResourceName, acl);
}
