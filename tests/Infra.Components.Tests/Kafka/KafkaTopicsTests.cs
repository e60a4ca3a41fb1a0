using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.Loading;
using Infra.Components.Kafka;
using Infra.Components.Tests.Support;
using Pulumi;
using Pulumi.Kafka;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Infra.Components.Tests.Kafka;

public sealed class KafkaTopicsTests
{
    private const string TopicType = "kafka:index/topic:Topic";
    private const string AclType = "kafka:index/acl:Acl";

    private static readonly KafkaTopicsBlueprint Production = Blueprint("production");
    private static readonly KafkaTopicsBlueprint Staging = Blueprint("staging");

    [Fact]
    public async Task Creates_one_topic_and_one_acl_per_blueprint_entry_named_from_the_topics()
    {
        var mocks = Engine();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "production" }, () => Component(Production));

        Assert.Equal(Production.Topics.Select(t => t.Name).Order(StringComparer.Ordinal), mocks.Registered.Where(r => r.Type == TopicType).Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Production.Acls.Select(a => a.ResourceName).Order(StringComparer.Ordinal), mocks.Registered.Where(r => r.Type == AclType).Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Topic_inputs_are_the_blueprint_values_with_no_kafka_default()
    {
        var mocks = Engine();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "staging" }, () => Component(Staging));

        var expected = Staging.Topics.Single(t => t.Name == "customer.profile.snapshot.v1");
        var topic = mocks.Registered.Single(r => r.Type == TopicType && r.Name == expected.Name);
        Assert.Equal(expected.Name, topic.Inputs["name"]);
        Assert.Equal(expected.Partitions, Convert.ToInt32(topic.Inputs["partitions"], CultureInfo.InvariantCulture));
        Assert.Equal(expected.ReplicationFactor, Convert.ToInt32(topic.Inputs["replicationFactor"], CultureInfo.InvariantCulture));
        var config = ((IReadOnlyDictionary<string, object>)topic.Inputs["config"]).ToDictionary(c => c.Key, c => (string)c.Value, StringComparer.Ordinal);
        Assert.Equal(expected.Config.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal), config);
        Assert.Equal("86400000", config["delete.retention.ms"]);
    }

    [Fact]
    public async Task Acl_inputs_use_the_providers_values()
    {
        var mocks = Engine();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "production" }, () => Component(Production));

        var write = mocks.Registered.Single(r => r.Type == AclType && r.Name == "payments.transfer.initiated.v1-payments-api-write");
        Assert.Equal("payments.transfer.initiated.v1", write.Inputs["aclResourceName"]);
        Assert.Equal("Topic", write.Inputs["aclResourceType"]);
        Assert.Equal("Literal", write.Inputs["resourcePatternTypeFilter"]);
        Assert.Equal("User:payments-api", write.Inputs["aclPrincipal"]);
        Assert.Equal("*", write.Inputs["aclHost"]);
        Assert.Equal("Write", write.Inputs["aclOperation"]);
        Assert.Equal("Allow", write.Inputs["aclPermissionType"]);
        var group = mocks.Registered.Single(r => r.Type == AclType && r.Name == "group-ledger-read");
        Assert.Equal(("ledger.", "Group", "Prefixed", "Read"),
            ((string)group.Inputs["aclResourceName"], (string)group.Inputs["aclResourceType"], (string)group.Inputs["resourcePatternTypeFilter"], (string)group.Inputs["aclOperation"]));
    }

    [Theory]
    [InlineData("production", true)]
    [InlineData("staging", false)]
    public async Task Children_are_parented_use_the_explicit_provider_and_topics_are_protected_in_production(string stack, bool protect)
    {
        // The mock engine does not report options, so they are read where they are set: a
        // transformation on the component's options sees every child with its options.
        var children = new ConcurrentBag<(Resource Resource, ResourceOptions Options)>();
        KafkaTopics? component = null;
        Pulumi.Kafka.Provider? provider = null;
        var options = new ComponentResourceOptions();
        options.ResourceTransformations.Add(args =>
        {
            children.Add((args.Resource, args.Options));
            return null;
        });

        await Deployment.TestAsync(Engine(), new TestOptions { IsPreview = false, StackName = stack }, () =>
        {
            provider = NewProvider();
            component = new KafkaTopics("kafka", new KafkaTopicsArgs { Blueprint = stack == "production" ? Production : Staging, Provider = provider, BrokerConfiguration = "kafka-staging", Aws = NewAws() }, options);
        });

        var below = children.Where(c => !ReferenceEquals(c.Resource, component)).ToList();
        Assert.NotEmpty(below);
        Assert.All(below, child => Assert.Same(component, child.Options.Parent));
        Assert.All(below, child => Assert.Same(provider, child.Options.Provider));
        Assert.All(below.Where(c => c.Resource is Topic), child => Assert.Equal(protect, child.Options.Protect));
        Assert.All(below.Where(c => c.Resource is Acl), child => Assert.NotEqual(true, child.Options.Protect));
    }

    [Fact]
    public async Task Registers_the_topic_names_as_output()
    {
        KafkaTopics? component = null;

        await Deployment.TestAsync(Engine(), new TestOptions { IsPreview = false, StackName = "staging" }, () =>
        {
            component = Component(Staging);
        });

        var names = await OutputUtilities.GetValueAsync(component!.TopicNames);
        Assert.Equal(Staging.Topics.Select(t => t.Name), names);
    }

    [Fact]
    public async Task Every_acl_allows_exactly_its_blueprint_grant_and_nothing_else()
    {
        var mocks = Engine();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "production" }, () => Component(Production));

        Assert.Equal(Production.Acls.Count, mocks.OfType(AclType).Count);
        foreach (var acl in Production.Acls)
        {
            var inputs = mocks.Resource(AclType, acl.ResourceName).Inputs;
            Assert.Equal(acl.Resource, inputs["aclResourceName"]);
            Assert.Equal(acl.ResourceType.ToString(), inputs["aclResourceType"]);
            Assert.Equal(acl.PatternType.ToString(), inputs["resourcePatternTypeFilter"]);
            Assert.Equal(acl.Principal, inputs["aclPrincipal"]);
            Assert.Equal(acl.Operation.ToString(), inputs["aclOperation"]);
            Assert.Equal("Allow", inputs["aclPermissionType"]);
        }
    }

    [Fact]
    public async Task Transactional_id_acls_use_the_providers_resource_type_and_a_prefix()
    {
        var definition = new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("staging").Definition!;
        var topic = definition.Catalog.Topics.First(t => t.Producers.Count > 0);
        var blueprint = KafkaTopicCatalog.For("staging", EnvironmentKind.Staging, [topic with { TransactionalProducers = topic.Producers }]);
        var mocks = Engine();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "staging" }, () => Component(blueprint));

        var producer = topic.Producers[0];
        var write = mocks.Resource(AclType, $"transactional-id-{producer}-write").Inputs;
        Assert.Equal((producer + ".", "TransactionalID", "Prefixed", "Write", "User:" + producer),
            ((string)write["aclResourceName"], (string)write["aclResourceType"], (string)write["resourcePatternTypeFilter"], (string)write["aclOperation"], (string)write["aclPrincipal"]));
        Assert.Equal("Describe", mocks.Resource(AclType, $"transactional-id-{producer}-describe").Inputs["aclOperation"]);
    }

    [Fact]
    public async Task Brokers_that_refuse_what_no_acl_allows_pass_the_check_read_through_the_aws_provider()
    {
        var mocks = Engine();
        KafkaTopics? component = null;

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "staging" }, () => component = Component(Staging));

        Assert.Empty(await OutputUtilities.GetValueAsync(component!.BrokerConfigurationProblems));
        var lookup = Assert.Single(mocks.Calls, c => c.Token == BrokerConfigurationLookup);
        Assert.Equal("kafka-staging", lookup.Args["name"]);
        Assert.Equal("aws-eu-west-3-id", RecordingMocks.ProviderId(lookup.Provider));
    }

    [Fact]
    public async Task Brokers_open_to_everyone_without_an_acl_fail_the_deployment_with_each_problem()
    {
        var mocks = Engine("allow.everyone.if.no.acl.found=true\n", "2.6.2");
        KafkaTopics? component = null;

        var run = Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "staging" }, () => component = Component(Staging));
        var problems = await run.ContinueWith(_ => OutputUtilities.GetValueAsync(component!.BrokerConfigurationProblems), TaskScheduler.Default).Unwrap();

        Assert.Equal(
            ["MSK configuration 'kafka-staging' has allow.everyone.if.no.acl.found=true; expected allow.everyone.if.no.acl.found=false",
                "MSK configuration 'kafka-staging' does not set auto.create.topics.enable; MSK's default then applies; expected auto.create.topics.enable=false"],
            problems.Take(2));
        Assert.StartsWith("MSK configuration 'kafka-staging' is for Kafka 2.6.2; expected 2.8 or later", problems[2], StringComparison.Ordinal);
        Assert.True(run.IsFaulted, "the logged errors fail the deployment");
    }

    [Fact]
    public async Task Kafka_topics_require_their_args()
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentNullException>(() => _ = new KafkaTopics("kafka", null!));

        Assert.Equal("args", error.ParamName);
    }

    private static KafkaTopicsBlueprint Blueprint(string stack) =>
        KafkaTopicCatalog.For(new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles(stack).Definition!);

    private static Pulumi.Kafka.Provider NewProvider() =>
        new("kafka", new ProviderArgs { BootstrapServers = { "kafka-1.stg.example-bank.eu:9093" } });

    private static KafkaTopics Component(KafkaTopicsBlueprint blueprint) =>
        new("kafka", new KafkaTopicsArgs { Blueprint = blueprint, Provider = NewProvider(), BrokerConfiguration = "kafka-staging", Aws = NewAws() });

    private static Pulumi.Aws.Provider NewAws() => new("aws-eu-west-3", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" });

    private const string BrokerConfigurationLookup = "aws:msk/getConfiguration:getConfiguration";

    /// <summary>The engine, with the brokers' MSK configuration as <paramref name="serverProperties"/> for <paramref name="kafkaVersion"/>.</summary>
    private static RecordingMocks Engine(
        string serverProperties = "auto.create.topics.enable=false\nallow.everyone.if.no.acl.found=false\n", string kafkaVersion = "3.6.0") =>
        new RecordingMocks().Answer(BrokerConfigurationLookup, call => ImmutableDictionary<string, object>.Empty
            .Add("arn", $"arn:aws:kafka:eu-west-3:111122223333:configuration/{call.Args["name"]}/1").Add("id", "configuration")
            .Add("name", call.Args["name"]).Add("description", "").Add("latestRevision", 1)
            .Add("kafkaVersions", ImmutableArray.Create<object>(kafkaVersion)).Add("serverProperties", serverProperties));
}
