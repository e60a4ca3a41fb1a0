using System.Xml.Linq;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Tests.Support;
using Infra.Policies.Rules.Messaging;
using Infra.Policies.Rules.Network;

namespace Infra.Cli.Tests;

public sealed class ComplianceCommandTests : IDisposable
{
    private const string Secret = "hunter2-never-printed";

    private static readonly string Repository = RepositoryRoot.Find(AppContext.BaseDirectory);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("infra-compliance-");

    private static string OpenSecurityGroup => """
        {"version":3,"deployment":{"resources":[
        {"urn":"urn:pulumi:staging::infra::pulumi:pulumi:Stack::infra-staging","type":"pulumi:pulumi:Stack","custom":false},
        {"urn":"urn:pulumi:staging::infra::infra:fleet:ServiceFleet$aws:ec2/securityGroup:SecurityGroup::web","type":"aws:ec2/securityGroup:SecurityGroup","custom":true,"id":"sg-1",
         "parent":"urn:pulumi:staging::infra::infra:fleet:ServiceFleet::web",
         "inputs":{"ingress":[{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/0"]}],
                   "tags":{"service":"web","team":"platform","environment":"staging","cost-center":"CC-4100","data-classification":"internal","managed-by":"pulumi"}},
         "outputs":{"token":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","plaintext":"\"SECRET\""}}}
        ]}}
        """.Replace("SECRET", Secret, StringComparison.Ordinal);

    [Fact]
    public void Empty_state_passes()
    {
        var run = Compliance("--state", Write("empty.json", """{"version":3,"deployment":{"resources":[]}}"""));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 resources", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Mandatory_violation_fails_and_is_reported_in_every_format_without_the_secret()
    {
        var junit = Path.Combine(folder.FullName, "report.junit.xml");
        var codequality = Path.Combine(folder.FullName, "report.codequality.json");

        var run = Compliance("--state", Write("state.json", OpenSecurityGroup), "--junit", junit, "--codequality", codequality);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(SecurityGroupAdminPortsRule.Code, run.Output, StringComparison.Ordinal);
        var failures = XDocument.Load(junit).Descendants("failure").Count();
        Assert.True(failures >= 1);
        Assert.Contains(SecurityGroupAdminPortsRule.Code, File.ReadAllText(codequality), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Output + run.Error + File.ReadAllText(junit) + File.ReadAllText(codequality), StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_points_at_the_stack_file_key_that_produced_the_value()
    {
        var codequality = Path.Combine(folder.FullName, "report.codequality.json");
        var state = """
            {"version":3,"deployment":{"resources":[
            {"urn":"urn:pulumi:staging::infra::infra:fleet:ServiceFleet$aws:ec2/launchTemplate:LaunchTemplate::payments-api","type":"aws:ec2/launchTemplate:LaunchTemplate","custom":true,"id":"lt-1",
             "parent":"urn:pulumi:staging::infra::infra:fleet:ServiceFleet::payments-api","inputs":{"instanceType":"m5.large"}}
            ]}}
            """;

        Compliance("--state", Write("state.json", state), "--codequality", codequality);

        var stackLines = File.ReadAllLines(Path.Combine(Repository, "Pulumi.staging.yaml"));
        var entry = Array.FindIndex(stackLines, l => l.Trim() == "payments-api:");
        var expected = Array.FindIndex(stackLines, entry, l => l.TrimStart().StartsWith("instanceType:", StringComparison.Ordinal)) + 1;
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(codequality));
        var issue = report.RootElement.EnumerateArray().Single(i => i.GetProperty("check_name").GetString() == "governance-allowed-instance-families");
        Assert.Equal("Pulumi.staging.yaml", issue.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(expected, issue.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
    }

    [Fact]
    public void Baseline_of_known_violations_lets_the_run_pass()
    {
        var state = Write("state.json", OpenSecurityGroup);
        var baseline = Path.Combine(folder.FullName, "baseline.json");
        Assert.Equal(1, Compliance("--state", state, "--write-baseline", baseline).ExitCode);

        var run = Compliance("--state", state, "--baseline", baseline);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Truncated_state_is_bad_input_with_its_position()
    {
        var run = Compliance("--state", Write("truncated.json", OpenSecurityGroup[..300]));

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"truncated\.json:\d+:\d+: error: ", run.Error);
    }

    [Theory]
    [InlineData]
    [InlineData("--state", "a.json", "--preview", "b.json")]
    public void State_and_preview_are_exclusive_and_one_is_required(params string[] sources)
    {
        var run = Compliance(sources);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give exactly one of --state FILE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_state_file_is_bad_input()
    {
        var run = Compliance("--state", Path.Combine(folder.FullName, "nope.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_that_deletes_a_topic_fails_unless_the_catalog_marks_it()
    {
        var preview = Write("preview.json", """
            {"steps":[{"op":"delete","urn":"urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::risk.model.deployed.v1",
              "oldState":{"urn":"urn:pulumi:staging::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::risk.model.deployed.v1","type":"kafka:index/topic:Topic","custom":true,
                "inputs":{"name":"risk.model.deployed.v1","partitions":1,"replicationFactor":3}}}]}
            """);
        using var marked = new RepositoryCopy().Edit(Files.Topics, "  - name: risk.model.deployed.v1\n", "  - name: risk.model.deployed.v1\n    delete: true\n");

        var unmarked = Compliance("--preview", preview);
        var allowed = CliRun.Infra(marked.Root, "compliance", "--stack", "staging", "--preview", preview,
            "--enforcement", Path.Combine(Repository, "policies", "enforcement.yaml"), "--waivers", Path.Combine(Repository, "policies", "waivers.yaml"));

        Assert.Equal(1, unmarked.ExitCode);
        Assert.Contains(KafkaTopicDestructionRule.Code, unmarked.Output, StringComparison.Ordinal);
        Assert.Equal(0, allowed.ExitCode);
        Assert.Equal("", allowed.Error);
        Assert.DoesNotContain(KafkaTopicDestructionRule.Code, allowed.Output, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static CliRun Compliance(params string[] args) => CliRun.Infra(Repository, ["compliance", "--stack", "staging", .. args]);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
