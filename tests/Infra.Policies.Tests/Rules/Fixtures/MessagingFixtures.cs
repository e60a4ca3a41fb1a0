using Infra.Policies.Model;
using Infra.Policies.Rules.Messaging;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Messaging rules: Kafka topics.</summary>
internal static class MessagingFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["kafka rf: 3 in production passes"] = new(KafkaReplicationFactorRule.Code, false, Production,
            [Resource(Topic, "payments.transfer.initiated.v1", """{"name":"payments.transfer.initiated.v1","partitions":12,"replicationFactor":3}""")]),
        ["kafka rf: 1 in staging passes"] = new(KafkaReplicationFactorRule.Code, false, Staging,
            [Resource(Topic, "payments.transfer.initiated.v1", """{"name":"payments.transfer.initiated.v1","partitions":3,"replicationFactor":1}""", stack: "staging")]),
        ["kafka rf: 2 in production fails"] = new(KafkaReplicationFactorRule.Code, true, Production,
            [Resource(Topic, "payments.transfer.initiated.v1", """{"name":"payments.transfer.initiated.v1","partitions":12,"replicationFactor":2}""")], PropertyPath: "replicationFactor"),
        ["kafka isr: 2 of 3 passes"] = new(KafkaMinInSyncReplicasRule.Code, false, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"replicationFactor":3,"config":{"min.insync.replicas":"2"}}""")]),
        ["kafka isr: unset in production fails"] = new(KafkaMinInSyncReplicasRule.Code, true, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"replicationFactor":3,"config":{"retention.ms":"604800000"}}""")], "not set", PropertyPath: "config.min.insync.replicas"),
        ["kafka isr: equal to the replication factor fails"] = new(KafkaMinInSyncReplicasRule.Code, true, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"replicationFactor":3,"config":{"min.insync.replicas":"3"}}""")], "not below", PropertyPath: "config.min.insync.replicas"),
        ["kafka retention: Kafka's 7-day default passes"] = new(KafkaBoundedRetentionRule.Code, false, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"config":{"cleanup.policy":"delete"}}""")]),
        ["kafka retention: 7 days passes"] = new(KafkaBoundedRetentionRule.Code, false, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"config":{"cleanup.policy":"delete","retention.ms":"604800000"}}""")]),
        ["kafka retention: compacted topic with stated tombstone retention passes"] = new(KafkaBoundedRetentionRule.Code, false, Production,
            [Resource(Topic, "payments.beneficiary.snapshot.v1", """{"config":{"cleanup.policy":"compact","delete.retention.ms":"86400000"}}""")]),
        ["kafka retention: compacted and deleting topic with a bound passes"] = new(KafkaBoundedRetentionRule.Code, false, Production,
            [Resource(Topic, "payments.beneficiary.snapshot.v1", """{"config":{"cleanup.policy":"compact,delete","retention.ms":"2592000000"}}""")]),
        ["kafka retention: compacted topic kept for ever fails"] = new(KafkaBoundedRetentionRule.Code, true, Production,
            [Resource(Topic, "payments.beneficiary.snapshot.v1", """{"config":{"cleanup.policy":"compact"}}""")], "delete.retention.ms is not set", PropertyPath: "config.delete.retention.ms"),
        ["kafka retention: compacted topic with unbounded tombstones fails"] = new(KafkaBoundedRetentionRule.Code, true, Production,
            [Resource(Topic, "payments.beneficiary.snapshot.v1", """{"config":{"cleanup.policy":"compact","delete.retention.ms":"-1"}}""")], "delete.retention.ms is -1", PropertyPath: "config.delete.retention.ms"),
        ["kafka destruction: deleting a marked topic passes"] = new(KafkaTopicDestructionRule.Code, false, Production, [],
            Steps: [new(DestructiveStep.Delete, Resource(Topic, MarkedTopic, $$"""{"name":"{{MarkedTopic}}","partitions":12,"replicationFactor":3}"""))]),
        ["kafka destruction: deleting an unmarked topic fails"] = new(KafkaTopicDestructionRule.Code, true, Production, [],
            "does not mark delete: true on stack production",
            [new(DestructiveStep.Delete, Resource(Topic, "ledger.posting.created.v1", """{"name":"ledger.posting.created.v1","partitions":12,"replicationFactor":3}"""))]),
        ["kafka destruction: replacing a topic fails"] = new(KafkaTopicDestructionRule.Code, true, Staging, [],
            "the preview replaces topic ledger.posting.created.v1",
            [new(DestructiveStep.Replace, Resource(Topic, "ledger.posting.created.v1", """{"name":"ledger.posting.created.v1","partitions":6,"replicationFactor":2}""", stack: "staging"))]),
        ["kafka retention: infinite fails"] = new(KafkaBoundedRetentionRule.Code, true, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"config":{"retention.ms":"-1"}}""")], "-1", PropertyPath: "config.retention.ms"),
        ["kafka acl write: literal topic write passes"] = new(KafkaAclNoWildcardWriteRule.Code, false, Production,
            [Resource(KafkaAcl, "acl", """{"aclResourceType":"Topic","aclResourceName":"ledger.posting.created.v1","resourcePatternTypeFilter":"Literal","aclPrincipal":"User:ledger","aclHost":"*","aclOperation":"Write","aclPermissionType":"Allow"}""")]),
        ["kafka acl write: prefixed read passes"] = new(KafkaAclNoWildcardWriteRule.Code, false, Production,
            [Resource(KafkaAcl, "acl", """{"aclResourceType":"Topic","aclResourceName":"ledger.","resourcePatternTypeFilter":"Prefixed","aclPrincipal":"User:ledger","aclHost":"*","aclOperation":"Read","aclPermissionType":"Allow"}""")]),
        ["kafka acl write: prefixed transactional id write passes"] = new(KafkaAclNoWildcardWriteRule.Code, false, Production,
            [Resource(KafkaAcl, "acl", """{"aclResourceType":"TransactionalID","aclResourceName":"ledger.","resourcePatternTypeFilter":"Prefixed","aclPrincipal":"User:ledger","aclHost":"*","aclOperation":"Write","aclPermissionType":"Allow"}""")]),
        ["kafka acl write: prefixed group read passes"] = new(KafkaAclNoWildcardWriteRule.Code, false, Production,
            [Resource(KafkaAcl, "acl", """{"aclResourceType":"Group","aclResourceName":"ledger.","resourcePatternTypeFilter":"Prefixed","aclPrincipal":"User:ledger","aclHost":"*","aclOperation":"Read","aclPermissionType":"Allow"}""")]),
        ["kafka acl write: prefixed topic write fails"] = new(KafkaAclNoWildcardWriteRule.Code, true, Production,
            [Resource(KafkaAcl, "acl", """{"aclResourceType":"Topic","aclResourceName":"payments.","resourcePatternTypeFilter":"Prefixed","aclPrincipal":"User:ledger","aclHost":"*","aclOperation":"Write","aclPermissionType":"Allow"}""")], "Write on topics matching 'payments.' (Prefixed)"),
        ["kafka acl write: wildcard topic write fails"] = new(KafkaAclNoWildcardWriteRule.Code, true, Production,
            [Resource(KafkaAcl, "acl", """{"aclResourceType":"Topic","aclResourceName":"*","resourcePatternTypeFilter":"Literal","aclPrincipal":"User:ledger","aclHost":"*","aclOperation":"Write","aclPermissionType":"Allow"}""")], "Write on topic '*' is every topic"),
        ["kafka acl write: prefixed topic All fails"] = new(KafkaAclNoWildcardWriteRule.Code, true, Production,
            [Resource(KafkaAcl, "acl", """{"aclResourceType":"Topic","aclResourceName":"payments.","resourcePatternTypeFilter":"Prefixed","aclPrincipal":"User:ledger","aclHost":"*","aclOperation":"All","aclPermissionType":"Allow"}""")], "All on topics matching"),
        ["kafka acl write: resource type Any fails"] = new(KafkaAclNoWildcardWriteRule.Code, true, Production,
            [Resource(KafkaAcl, "acl", """{"aclResourceType":"Any","aclResourceName":"ledger.posting.created.v1","resourcePatternTypeFilter":"Literal","aclPrincipal":"User:ledger","aclHost":"*","aclOperation":"Write","aclPermissionType":"Allow"}""")], "resource type Any covers every topic"),
        ["kafka unclean: false in production passes"] = new(KafkaUncleanLeaderElectionRule.Code, false, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"config":{"unclean.leader.election.enable":"false"}}""")]),
        ["kafka unclean: unset in staging passes"] = new(KafkaUncleanLeaderElectionRule.Code, false, Staging,
            [Resource(Topic, "ledger.posting.created.v1", """{"config":{"cleanup.policy":"delete"}}""", stack: "staging")]),
        ["kafka unclean: unset in production fails"] = new(KafkaUncleanLeaderElectionRule.Code, true, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"config":{"cleanup.policy":"delete"}}""")], "is not set, so the brokers' setting decides"),
        ["kafka unclean: true in staging fails"] = new(KafkaUncleanLeaderElectionRule.Code, true, Staging,
            [Resource(Topic, "ledger.posting.created.v1", """{"config":{"unclean.leader.election.enable":"true"}}""", stack: "staging")], "is true"),
        ["kafka unclean: TRUE in production fails"] = new(KafkaUncleanLeaderElectionRule.Code, true, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"config":{"unclean.leader.election.enable":"TRUE"}}""")], "is true"),
    };
}
