using System.Text;
using System.Text.Json;
using Infra.Blueprints.Definition;
using Infra.Policies.Evaluation;
using Infra.Policies.Model;
using Infra.Policies.Reporting;
using Infra.Policies.Rules;
using Infra.Policies.Rules.Compute;
using Infra.Policies.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Policies.Tests.Evaluation;

/// <summary>Findings point at the stack file key that produced the value, else at the component line that creates the resource.</summary>
public sealed class SourceLocatorTests
{
    // Lines: 1 config, 2 environment, 3 services, 4 ledger, 5 team, 6 instanceType, 7 port.
    private const string StackText = """
        config:
          infra:environment: production
          infra:services:
            ledger:
              team: core-banking
              instanceType: m5.large
              port: 8443
        """;

    private const string KafkaComponent = "namespace Infra.Components.Kafka;\n\n        var topic = new Kafka.Topic(name, new TopicArgs());\n";

    private const string PeopleComponent = "namespace Infra.Components.People;\n        _ = new AclPolicy(name, new AclPolicyArgs());\n";

    // Lines: 1 topics, 2 payments name, 3 replicationFactor, 4 (blank), 5 ledger name, 6 replicationFactor, 7 retentionHours, 8 config, 9 min.insync.replicas.
    private const string TopicCatalog = """
        topics:
          - name: payments.transfer.initiated.v1
            replicationFactor: 3

          - name: ledger.posting.created.v1
            replicationFactor: 3
            retentionHours: 168
            config:
              min.insync.replicas: "2"
        """;

    // Lines: 1 people, 2 adupont (no end), 5 adupontb, 7 cmurphy, 9 cmurphy's end.
    private const string PeopleCatalog = """
        people:
          - id: adupont
            teams: [platform]

          - id: adupontb
            teams: [platform]
          - id: cmurphy
            teams: [platform]
            end: 2026-11-27
        """;

    private static readonly string FleetUrn = "urn:pulumi:production::infra::infra:fleet:ServiceFleet::ledger";

    [Fact]
    public void A_property_the_stack_entry_names_points_at_that_key()
    {
        var template = Child(FleetUrn, "aws:ec2/launchTemplate:LaunchTemplate", "ledger-lt");

        var location = Locator().Locate(template, "instanceType", new ResourceSet([template]));

        Assert.Equal(new SourceLocation("Pulumi.production.yaml", 6), location);
    }

    [Fact]
    public void A_property_the_stack_entry_does_not_name_points_at_the_entry()
    {
        var template = Child(FleetUrn, "aws:ec2/launchTemplate:LaunchTemplate", "ledger-lt");

        var location = Locator().Locate(template, "metadataOptions.httpTokens", new ResourceSet([template]));

        Assert.Equal(new SourceLocation("Pulumi.production.yaml", 4), location);
    }

    [Fact]
    public void A_component_without_a_stack_entry_points_at_the_line_creating_the_resource_the_catalog_does_not_hold()
    {
        var topic = Child("urn:pulumi:production::infra::infra:kafka:KafkaTopics::topics", "kafka:index/topic:Topic", "audit.events.v1");

        var location = Locator().Locate(topic, "config", new ResourceSet([topic]));

        Assert.Equal(new SourceLocation("components/Infra.Components/Kafka/KafkaTopics.cs", 3), location);
    }

    [Theory]
    [InlineData("replicationFactor", 6)]
    [InlineData("config.min.insync.replicas", 9)]
    [InlineData("config.retention.ms", 7)]
    [InlineData("config.unclean.leader.election.enable", 5)]
    public void A_topic_points_at_its_catalog_entry_at_the_key_that_sets_the_property(string property, int line)
    {
        var topic = Child("urn:pulumi:production::infra::infra:kafka:KafkaTopics::kafka", "kafka:index/topic:Topic", "ledger.posting.created.v1");

        var location = Locator().Locate(topic, property, new ResourceSet([topic]));

        Assert.Equal(new SourceLocation("stacks/catalog/kafka-topics.yaml", line), location);
    }

    [Theory]
    [InlineData("people-gitlab-cmurphy-bank-platform", "gitlab:index/groupMembership:GroupMembership", "expiresAt", 9)]
    [InlineData("people-gitlab-cmurphy-bank-platform", "gitlab:index/groupMembership:GroupMembership", "userId", 7)]
    [InlineData("people-consul-token-cmurphy", "consul:index/aclToken:AclToken", "expirationTime", 9)]
    [InlineData("people-vpn-rule-grant-adupont-10.60.0.0-16", "aws:ec2clientvpn/authorizationRule:AuthorizationRule", "accessGroupId", 2)]
    [InlineData("people-gitlab-adupont-bank-platform", "gitlab:index/groupMembership:GroupMembership", "expiresAt", 2)]
    public void A_persons_resource_points_at_their_entry_in_people_yaml(string name, string type, string property, int line)
    {
        var resource = Child("urn:pulumi:production::infra::infra:people:PeopleAccess::people", type, name);

        var location = Locator().Locate(resource, property, new ResourceSet([resource]));

        Assert.Equal(new SourceLocation("stacks/catalog/people.yaml", line), location);
    }

    [Fact]
    public void A_resource_whose_name_carries_no_catalog_entry_points_at_the_component_line()
    {
        var policy = Child("urn:pulumi:production::infra::infra:people:PeopleAccess::people", "consul:index/aclPolicy:AclPolicy", "people-consul-policy-write");

        var location = Locator().Locate(policy, "rules", new ResourceSet([policy]));

        Assert.Equal(new SourceLocation("components/Infra.Components/People/PeopleAccess.cs", 2), location);
    }

    [Fact]
    public void A_resource_of_a_nested_child_finds_its_component_through_the_parents()
    {
        var group = Child(FleetUrn, "aws:ec2/securityGroup:SecurityGroup", "ledger-sg");
        var rule = Child(group.Urn, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ledger-in");

        var location = Locator().Locate(rule, "cidrIpv4", new ResourceSet([group, rule]));

        Assert.Equal(new SourceLocation("Pulumi.production.yaml", 4), location);
    }

    [Fact]
    public void A_resource_outside_any_component_points_at_the_stack_file()
    {
        var volume = Child("urn:pulumi:production::infra::pulumi:pulumi:Stack::infra-production", "aws:ebs/volume:Volume", "scratch");

        var location = Locator().Locate(volume, "encrypted", new ResourceSet([volume]));

        Assert.Equal(new SourceLocation("Pulumi.production.yaml", 1), location);
    }

    [Fact]
    public void Sarif_points_at_the_key_and_links_the_rule_documentation()
    {
        var template = Child(FleetUrn, "aws:ec2/launchTemplate:LaunchTemplate", "ledger-lt", """{"instanceType":"m5.large"}""");
        var report = new ComplianceEvaluator([new AllowedInstanceFamiliesRule()], new FakeTimeProvider(Fixture.Now))
            .Evaluate(new ResourceSet([template]), Fixture.Context(EnvironmentKind.Production), new EvaluationOptions { Sources = Locator() });

        using var sarif = JsonDocument.Parse(Render(new SarifReportWriter(), report));

        var run = sarif.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results")[0];
        var location = result.GetProperty("locations")[0];
        Assert.Equal("Pulumi.production.yaml", location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(6, location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("instanceType", result.GetProperty("properties").GetProperty("propertyPath").GetString());
        Assert.Equal($"{RuleCatalogDocument.PublishedAt}#{AllowedInstanceFamiliesRule.Code}",
            run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("helpUri").GetString());
    }

    [Fact]
    public void Code_quality_points_at_the_key_and_names_the_property()
    {
        var template = Child(FleetUrn, "aws:ec2/launchTemplate:LaunchTemplate", "ledger-lt", """{"instanceType":"m5.large"}""");
        var report = new ComplianceEvaluator([new AllowedInstanceFamiliesRule()], new FakeTimeProvider(Fixture.Now))
            .Evaluate(new ResourceSet([template]), Fixture.Context(EnvironmentKind.Production), new EvaluationOptions { Sources = Locator() });

        using var quality = JsonDocument.Parse(Render(new CodeQualityReportWriter(), report));

        var issue = quality.RootElement[0];
        Assert.Equal(6, issue.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.Contains("property instanceType", issue.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_file_that_is_not_yaml_has_no_keys()
    {
        Assert.Null(StackFileKeys.Parse("config: [unclosed").LineOf("config"));
    }

    [Fact]
    public void Every_component_of_the_repository_is_located_in_its_own_file()
    {
        var root = Infra.Blueprints.Loading.RepositoryRoot.Find(AppContext.BaseDirectory);
        var declared = Directory.EnumerateFiles(Path.Combine(root, "components", "Infra.Components"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"const string TypeToken = ""([^""]+)""")
                .Select(m => (Type: m.Groups[1].Value, File: Path.GetRelativePath(root, file).Replace('\\', '/'))))
            .OrderBy(c => c.Type, StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared, SourceLocator.RepositoryComponents.Select(c => (Type: c.ComponentType, c.File)).OrderBy(c => c.Type, StringComparer.Ordinal));
    }

    [Fact]
    public void A_finding_on_the_ebs_key_grant_points_at_the_line_of_its_component_that_creates_it()
    {
        var grant = Child("urn:pulumi:production::infra::infra:fleet:EbsKeyGrant::ebs-key-grant-eu-west-3", "aws:kms/grant:Grant", "ebs-key-grant-eu-west-3");
        var locator = new SourceLocator("Pulumi.production.yaml", StackFileKeys.Parse(StackText), SourceLocator.RepositoryComponents,
            path => path == "components/Infra.Components/Fleets/EbsKeyGrant.cs" ? "namespace Infra.Components.Fleets;\n\n\n        var grant = new Grant(name, new GrantArgs\n" : null);

        Assert.Equal(new SourceLocation("components/Infra.Components/Fleets/EbsKeyGrant.cs", 4), locator.Locate(grant, "operations", new ResourceSet([grant])));
    }

    private static SourceLocator Locator() =>
        new("Pulumi.production.yaml", StackFileKeys.Parse(StackText), SourceLocator.RepositoryComponents, path => path switch
        {
            "components/Infra.Components/Kafka/KafkaTopics.cs" => KafkaComponent,
            "components/Infra.Components/People/PeopleAccess.cs" => PeopleComponent,
            "stacks/catalog/kafka-topics.yaml" => TopicCatalog,
            "stacks/catalog/people.yaml" => PeopleCatalog,
            _ => null,
        });

    private static PolicyResource Child(string parent, string type, string name, string inputs = "{}") =>
        new($"urn:pulumi:production::infra::{ResourceUrn.TypeOf(parent)}${type}::{name}", type, null, parent, null, true, false, [],
            Fixture.Tree(inputs), PropertyValue.EmptyObject);

    private static string Render(IComplianceReportWriter writer, ComplianceReport report)
    {
        using var stream = new MemoryStream();
        writer.Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
