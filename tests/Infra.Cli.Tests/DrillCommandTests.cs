using System.Text.Json;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Tests.Support;

namespace Infra.Cli.Tests;

public sealed class DrillCommandTests
{
    private static readonly string Repository = RepositoryRoot.Find(AppContext.BaseDirectory);

    [Fact]
    public void Text_lists_the_pre_checks_steps_and_objectives_and_exits_0_when_ready()
    {
        var run = CliRun.Infra(Repository, "drill", "region-switch", "--stack", "staging");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Region switch of stack staging (staging): eu-west-3 -> eu-west-1", run.Output, StringComparison.Ordinal);
        Assert.Contains("secondary-capacity", run.Output, StringComparison.Ordinal);
        Assert.Contains("Planned switchover: RPO 0s, RTO 22m", run.Output, StringComparison.Ordinal);
        Assert.Contains("$ pulumi config set --path --stack staging 'infra:regions.primary' eu-west-1", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Markdown_writes_the_runbook()
    {
        var run = CliRun.Infra(Repository, "drill", "region-switch", "--stack", "production", "--to", "eu-west-1", "--output", "markdown");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# Region switch of stack production: eu-west-3 → eu-west-1", run.Output, StringComparison.Ordinal);
        Assert.Contains("## Rollback", run.Output, StringComparison.Ordinal);
        Assert.Contains("Prepared on 2026-11-22", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_the_plan()
    {
        var run = CliRun.Infra(Repository, "drill", "region-switch", "--stack", "staging", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("eu-west-1", root.GetProperty("to").GetString());
        Assert.True(root.GetProperty("ready").GetBoolean());
        Assert.Equal(0, root.GetProperty("plannedSwitchover").GetProperty("rpoSeconds").GetDouble());
        Assert.Equal(20, root.GetProperty("disasterFailover").GetProperty("rpoSeconds").GetDouble());
        Assert.Contains(root.GetProperty("preChecks").EnumerateArray(), c => c.GetProperty("status").GetString() == "manual");
    }

    [Fact]
    public void A_secondary_with_less_capacity_exits_1()
    {
        using var copy = new RepositoryCopy().Edit(Files.Staging, "    ledger-db:\n      team: core-banking\n", "    ledger-db:\n      team: core-banking\n      secondaryReaders: 0\n");

        var run = CliRun.Infra(copy.Root, "drill", "region-switch", "--stack", "staging");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAILED", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 pre-check(s) failed for the switch of stack 'staging' to eu-west-1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_drills_record_sets_the_measured_durations()
    {
        using var copy = new RepositoryCopy();
        Directory.CreateDirectory(Path.Combine(copy.Root, "stacks", "drills"));
        File.WriteAllText(Path.Combine(copy.Root, "stacks", "drills", "staging.region-switch.json"),
            """{"stack":"staging","day":"2026-09-15","steps":[{"id":"live-checks","seconds":60},{"id":"scale-up","seconds":420},{"id":"switchover","seconds":240},{"id":"vault-follows-writer","seconds":30}]}""");

        var run = CliRun.Infra(copy.Root, "drill", "region-switch", "--stack", "staging", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var planned = json.RootElement.GetProperty("plannedSwitchover");
        Assert.Equal(750, planned.GetProperty("rtoSeconds").GetDouble());
        var switchover = planned.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "switchover");
        Assert.True(switchover.GetProperty("measured").GetBoolean());
    }

    [Fact]
    public void The_json_runbook_has_what_the_ci_drill_reads_and_marks_the_steps_that_count_toward_the_rto()
    {
        var run = CliRun.Infra(Repository, "drill", "region-switch", "--stack", "staging", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        // scripts/ci/region-drill.sh (tests/pipeline/drill.test.mjs) reads exactly these keys.
        Assert.Equal("staging", root.GetProperty("stack").GetString());
        Assert.True(root.GetProperty("ready").GetBoolean());
        Assert.Equal(("eu-west-3", "eu-west-1"), (root.GetProperty("from").GetString(), root.GetProperty("to").GetString()));
        var planned = root.GetProperty("plannedSwitchover");
        Assert.True(planned.GetProperty("rtoSeconds").GetDouble() > 0);
        var counted = planned.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("countsTowardRto").GetBoolean()).Select(s => s.GetProperty("id").GetString());
        Assert.Equal(["live-checks", "scale-up", "switchover", "vault-follows-writer"], counted);
        Assert.Contains(root.GetProperty("rollback")[0].GetProperty("commands").EnumerateArray(), c => c.GetString()!.Contains("switchover-global-cluster", StringComparison.Ordinal));
        Assert.Contains(root.GetProperty("rollback")[0].GetProperty("commands").EnumerateArray(), c => c.GetString()!.Contains("update-auto-scaling-group", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_drill_record_exits_2_naming_the_file()
    {
        using var copy = new RepositoryCopy();
        Directory.CreateDirectory(Path.Combine(copy.Root, "stacks", "drills"));
        File.WriteAllText(Path.Combine(copy.Root, "stacks", "drills", "staging.region-switch.json"), "{");

        var run = CliRun.Infra(copy.Root, "drill", "region-switch", "--stack", "staging");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("stacks/drills/staging.region-switch.json: not a drill record", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--to", "eu-west-3")]
    [InlineData("--to", "eu-central-1")]
    [InlineData("--output", "html")]
    public void Bad_usage_exits_2(string option, string value)
    {
        var run = CliRun.Infra(Repository, "drill", "region-switch", "--stack", "staging", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Unknown_stack_exits_2()
    {
        var run = CliRun.Infra(Repository, "drill", "region-switch", "--stack", "prod");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--stack prod: no such stack", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_stack_is_not_planned_and_exits_1()
    {
        using var copy = new RepositoryCopy().Edit(Files.Staging, "port: 9443", "port: 70000");

        var run = CliRun.Infra(copy.Root, "drill", "region-switch", "--stack", "staging");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no drill planned", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}
