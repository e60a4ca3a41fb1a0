using System.Text.Json;
using Infra.Blueprints.Loading;
using Infra.Cli.Tests.Kafka;
using Infra.Blueprints.Tests.Support;

namespace Infra.Cli.Tests;

/// <summary><c>infra plan --state</c>: the Kafka topic changes of a stack against a <c>pulumi stack export</c>.</summary>
public sealed class PlanStateTests : IDisposable
{
    private static readonly string Repository = RepositoryRoot.Find(AppContext.BaseDirectory);

    private readonly List<string> files = [];

    private string State(string json)
    {
        var path = StateExports.WriteTemporary(json);
        files.Add(path);
        return path;
    }

    private string StateBytes(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"infra-state-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, content);
        files.Add(path);
        return path;
    }

    [Fact]
    public void Refused_destructive_changes_are_listed_and_exit_1()
    {
        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--state", State(StateExports.Staging));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Kafka topic changes against the state (39)", run.Output, StringComparison.Ordinal);
        Assert.Contains("REFUSED: a replication", run.Output, StringComparison.Ordinal);
        Assert.Contains("REFUSED: partitions only grow", run.Output, StringComparison.Ordinal);
        Assert.Contains("REFUSED: the topic is not in", run.Output, StringComparison.Ordinal);
        Assert.Contains("Topic changes: 35 create, 1 update, 2 replace, 1 delete; 3 destructive, 3 refused; 1 unchanged.", run.Output, StringComparison.Ordinal);
        Assert.Contains("infra: 3 refused topic changes on stack 'staging'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Creates_only_plan_exits_0()
    {
        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--state", State(StateExports.StagingInitiatedOnly));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Topic changes: 38 create, 0 update, 0 replace, 0 delete; 0 destructive, 0 refused; 1 unchanged.", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Marked_topic_is_an_allowed_delete()
    {
        using var copy = new RepositoryCopy().Edit(Files.Topics, "  - name: risk.model.deployed.v1\n", "  - name: risk.model.deployed.v1\n    delete: true\n");
        const string State = """
            {"version":3,"deployment":{"resources":[
              {"urn":"urn:pulumi:production::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::risk.model.deployed.v1","type":"kafka:index/topic:Topic",
               "inputs":{"config":{"min.insync.replicas":"2","retention.ms":"31536000000"},"name":"risk.model.deployed.v1","partitions":1,"replicationFactor":3}}]}}
            """;

        var run = CliRun.Infra(copy.Root, "plan", "--stack", "production", "--state", this.State(State));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Marked delete: true: risk.model.deployed.v1", run.Output, StringComparison.Ordinal);
        Assert.Contains("allowed: marked delete: true in the catalog", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Marked_topic_the_state_still_protects_is_refused_until_a_release_unprotects_it()
    {
        const string State = """
            {"version":3,"deployment":{"resources":[
              {"urn":"urn:pulumi:production::infra::infra:kafka:KafkaTopics$kafka:index/topic:Topic::risk.model.deployed.v1","type":"kafka:index/topic:Topic","protect":true,
               "inputs":{"config":{"min.insync.replicas":"2","retention.ms":"31536000000"},"name":"risk.model.deployed.v1","partitions":1,"replicationFactor":3}}]}}
            """;
        using var deleted = new RepositoryCopy().Edit(Files.Topics, "  - name: risk.model.deployed.v1\n", "  - name: risk.model.deployed.v1\n    delete: true\n");
        using var unprotected = new RepositoryCopy().Edit(Files.Topics, "  - name: risk.model.deployed.v1\n", "  - name: risk.model.deployed.v1\n    delete: unprotect\n");

        var stepTwoFirst = CliRun.Infra(deleted.Root, "plan", "--stack", "production", "--state", this.State(State));
        var stepOne = CliRun.Infra(unprotected.Root, "plan", "--stack", "production", "--state", this.State(State));

        Assert.Equal(1, stepTwoFirst.ExitCode);
        Assert.Contains("release delete: unprotect first", stepTwoFirst.Output, StringComparison.Ordinal);
        Assert.Equal(0, stepOne.ExitCode);
        Assert.Contains("Marked delete: unprotect (kept, protection dropped; delete: true in the next release): risk.model.deployed.v1", stepOne.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_holds_the_blueprint_and_the_changes()
    {
        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--output", "json", "--state", State(StateExports.Staging));

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var kafka = json.RootElement.GetProperty("kafka");
        Assert.Equal(39, kafka.GetProperty("blueprint").GetProperty("topics").GetArrayLength());
        var changes = kafka.GetProperty("changes");
        Assert.True(changes.GetProperty("hasRefused").GetBoolean());
        var replace = changes.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("topic").GetString() == "customer.consent.changed.v1");
        Assert.Equal("replace", replace.GetProperty("kind").GetString());
        Assert.True(replace.GetProperty("destructive").GetBoolean());
    }

    [Fact]
    public void Plan_without_state_shows_the_kafka_summary_only()
    {
        var run = CliRun.Infra(Repository, "plan", "--stack", "production");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Kafka on production: 39 topics (protected)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Kafka topic changes", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_plan_shows_the_settings_written_explicitly_and_why_and_staging_has_none()
    {
        var production = CliRun.Infra(Repository, "plan", "--stack", "production");
        var staging = CliRun.Infra(Repository, "plan", "--stack", "staging");
        var json = CliRun.Infra(Repository, "plan", "--stack", "production", "--output", "json");

        Assert.Equal((0, 0, 0), (production.ExitCode, staging.ExitCode, json.ExitCode));
        Assert.Contains("written on every topic: unclean.leader.election.enable=false: an out-of-sync replica never becomes leader", production.Output, StringComparison.Ordinal);
        Assert.Contains("written on every topic: min.insync.replicas=2:", production.Output, StringComparison.Ordinal);
        Assert.Contains("written on every topic: retention.ms=retentionHours, or Kafka's 7 days:", production.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("written on every topic", staging.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        var pinned = document.RootElement.GetProperty("kafka").GetProperty("blueprint").GetProperty("pinned");
        Assert.Equal(["unclean.leader.election.enable", "min.insync.replicas", "retention.ms"], pinned.EnumerateArray().Select(p => p.GetProperty("key").GetString()));
    }

    [Fact]
    public void Malformed_state_is_bad_input_with_its_position()
    {
        var path = State(StateExports.Truncated);

        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--state", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"infra: --state {path}: line 4, byte ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void State_of_zero_bytes_is_bad_input_at_its_start_without_reading_it_whole()
    {
        // What `--state /dev/zero` reads, bounded: the reader stops at the first byte that cannot start an export.
        var path = StateBytes(new byte[4 << 20]);

        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--state", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"infra: --state {path}: line 1, byte 1: malformed JSON: '0x00' is an invalid start of a value;", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Dev_zero_is_bad_input_at_its_start()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // not on this system; the test above covers it with a file
        }

        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--state", "/dev/zero");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("infra: --state /dev/zero: line 1, byte 1: malformed JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_bytes_inside_a_string_are_bad_input_with_their_position()
    {
        byte[] start = [.. "{\"version\":3,\n\"deployment\":{\"resources\":[{\"urn\":\""u8];
        var path = StateBytes([.. start, .. new byte[2 << 20]]);

        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--state", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"infra: --state {path}: line 2, byte 36: malformed JSON: '0x00' is invalid within a JSON string", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_topic_config_key_is_bad_input_with_its_position()
    {
        var path = State(StateExports.RepeatedConfigKey);

        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--state", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"infra: --state {path}: line 3, byte 32 (offset 202): deployment.resources[0]: the key \"retention.ms\" appears twice in one object", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_bad_input_with_its_position()
    {
        byte[] json = [.. "{\"version\":3,\"deployment\":{\"resources\":[\n{\"urn\":\"urn:pulumi:s::p::t::u\",\"type\":\"kafka:index/topic:Topic\",\"inputs\":{\"name\":\"a.b."u8,
            0xC3, 0x28, .. "c.v1\",\"partitions\":3,\"replicationFactor\":3}}]}}"u8];
        var path = StateBytes(json);

        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--state", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"infra: --state {path}: line 2, byte 87 (offset 127): invalid UTF-8 (0xC3)", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void The_same_live_topic_twice_is_bad_input_with_its_position()
    {
        const string topic = "{\"urn\":\"urn:pulumi:s::p::t::u%\",\"type\":\"kafka:index/topic:Topic\",\"inputs\":{\"name\":\"a.b.c.v1\",\"partitions\":3,\"replicationFactor\":3}}";
        var path = State(StateExports.Export(topic.Replace("%", "1", StringComparison.Ordinal) + ",\n" + topic.Replace("%", "2", StringComparison.Ordinal)));

        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--state", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches($"^infra: --state {System.Text.RegularExpressions.Regex.Escape(path)}: line [0-9]+, byte [0-9]+.*: topic 'a.b.c.v1' is in the state a second time \\(first at line [0-9]+\\)", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void A_topic_pending_deletion_beside_its_replacement_is_not_a_second_topic()
    {
        const string topic = "{\"urn\":\"urn:pulumi:s::p::t::u\",\"type\":\"kafka:index/topic:Topic\",%\"inputs\":{\"name\":\"a.b.c.v1\",\"partitions\":3,\"replicationFactor\":3}}";
        var path = State(StateExports.Export(topic.Replace("%", "", StringComparison.Ordinal) + ",\n" + topic.Replace("%", "\"delete\":true,", StringComparison.Ordinal)));

        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--state", path);

        Assert.NotEqual(2, run.ExitCode);
        Assert.DoesNotContain("second time", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_state_file_is_bad_input()
    {
        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--state", "no-such-export.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("infra: --state no-such-export.json: cannot be read", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            File.Delete(file);
        }
    }
}
