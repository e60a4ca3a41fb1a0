using System.Collections.Immutable;
using Infra.Blueprints.Kafka;
using Pulumi;
using Pulumi.Kafka;

namespace Infra.Components.Kafka;

/// <summary>
/// The stack's Kafka topics and ACLs, mapped one to one from the <see cref="KafkaTopicsBlueprint"/>.
/// A topic's child is named after the topic, an ACL's after its topic, service and operation
/// (<see cref="KafkaAclBlueprint.ResourceName"/>), so renaming nothing else moves a URN. Topics
/// carry the blueprint's <c>protect</c> (production). Topic ACLs take the topic's name output, so
/// an ACL is created after its topic. Every child goes through the Kafka provider of the args.
/// The brokers' MSK configuration is read and checked against <see cref="KafkaBrokerRequirements"/>:
/// each problem is logged as an error, which fails the preview or update.
/// Outputs: <see cref="TopicNames"/>, <see cref="BrokerConfigurationProblems"/>.
/// </summary>
public sealed class KafkaTopics : ComponentResource
{
    public const string TypeToken = "infra:kafka:KafkaTopics";

    public KafkaTopics(string name, KafkaTopicsArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var blueprint = RequiredArgs.Require(args.Blueprint, nameof(KafkaTopicsArgs.Blueprint), "the topics map the stack's Kafka blueprint");
        var provider = RequiredArgs.Require(args.Provider, nameof(KafkaTopicsArgs.Provider), "the Pulumi.Kafka.Provider of the stack's cluster");
        var brokerConfiguration = RequiredArgs.Require(args.BrokerConfiguration, nameof(KafkaTopicsArgs.BrokerConfiguration), "the MSK configuration the brokers run, checked before anything relies on its ACLs");
        var aws = RequiredArgs.Require(args.Aws, nameof(KafkaTopicsArgs.Aws), "the AWS provider that reads the brokers' MSK configuration");
        var topics = new Dictionary<string, Topic>(StringComparer.Ordinal);
        foreach (var topic in blueprint.Topics)
        {
            var topicArgs = new TopicArgs
            {
                Name = topic.Name,
                Partitions = topic.Partitions,
                ReplicationFactor = topic.ReplicationFactor,
            };
            foreach (var entry in topic.Config)
            {
                topicArgs.Config.Add(entry.Key, entry.Value);
            }
            topics[topic.Name] = new Topic(topic.Name, topicArgs, new CustomResourceOptions
            {
                Parent = this,
                Provider = provider,
                Protect = topic.Protect,
            });
        }

        foreach (var acl in blueprint.Acls)
        {
            _ = new Acl(acl.ResourceName, new AclArgs
            {
                AclResourceName = acl.ResourceType == KafkaAclResourceType.Topic ? topics[acl.Resource].Name : acl.Resource,
                AclResourceType = acl.ResourceType.ToString(),
                ResourcePatternTypeFilter = acl.PatternType.ToString(),
                AclPrincipal = acl.Principal,
                AclHost = KafkaAclBlueprint.AnyHost,
                AclOperation = acl.Operation.ToString(),
                AclPermissionType = KafkaAclBlueprint.Allow,
            }, new CustomResourceOptions { Parent = this, Provider = provider });
        }

        TopicNames = Output.Create(blueprint.Topics.Select(t => t.Name).ToImmutableArray());
        BrokerConfigurationProblems = CheckBrokerConfiguration(brokerConfiguration, aws);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["topicNames"] = TopicNames,
            ["brokerConfigurationProblems"] = BrokerConfigurationProblems,
        });
    }

    [Output("brokerConfigurationProblems")]
    public Output<ImmutableArray<string>> BrokerConfigurationProblems { get; private set; }

    private Output<ImmutableArray<string>> CheckBrokerConfiguration(string name, Pulumi.Aws.Provider aws) =>
        Pulumi.Aws.Msk.GetConfiguration.Invoke(new Pulumi.Aws.Msk.GetConfigurationInvokeArgs { Name = name }, new InvokeOptions { Parent = this, Provider = aws })
            .Apply(found =>
            {
                var problems = KafkaBrokerRequirements.Problems(name, found.ServerProperties, found.KafkaVersions).ToImmutableArray();
                foreach (var problem in problems)
                {
                    Log.Error($"kafka brokers: {problem}", this);
                }
                return problems;
            });

    [Output("topicNames")]
    public Output<ImmutableArray<string>> TopicNames { get; private set; }
}
