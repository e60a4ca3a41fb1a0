using Infra.Blueprints.Loading;
using Infra.Blueprints.Tests.Support;
using Infra.Cli.Commands;
using Infra.Cli.Tests.People;
using Infra.Policies.Reporting;

namespace Infra.Cli.Tests;

/// <summary>
/// The setup every command shares: one <c>--repository</c>, one way to load a stack with one exit code
/// when it is invalid, usage errors from the parser's validators and format enums, report files written atomically.
/// </summary>
public sealed class CommandSetupTests
{
    private static readonly string Repository = RepositoryRoot.Find(AppContext.BaseDirectory);

    /// <summary>
    /// An invalid stack file was read and breaks the definition's rules: exit 1, as <c>infra validate</c> says
    /// of it, for every command (compliance used to exit 2). Its errors go to standard error, nothing to standard output.
    /// </summary>
    [Theory]
    [InlineData("nothing planned", "plan", "--stack", "staging")]
    [InlineData("no drill planned", "drill", "region-switch", "--stack", "staging")]
    [InlineData("the rules need its definition", "compliance", "--stack", "staging", "--state", "unread.json")]
    [InlineData("nothing done", "access", "report", "--stack", "staging")]
    [InlineData("nothing done", "access", "diff", "--stack", "staging", "--from", "2026-11-22", "--to", "2026-12-01")]
    [InlineData("nothing done", "hr", "format")]
    [InlineData("nothing done", "bench", "access", "--people", "10", "--teams", "2", "--runs", "1")]
    public void An_invalid_stack_exits_1_with_its_errors_from_every_command(string consequence, params string[] args)
    {
        using var copy = new RepositoryCopy().Edit(Files.Staging, "port: 9443", "port: 70000");

        var run = PeopleCli.Run(copy.Root, args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("infra:services.card-authorizer.port: must be between 1024 and 65535", run.Error, StringComparison.Ordinal);
        Assert.Contains($"stack 'staging' is invalid (1 errors); {consequence}. Run 'infra validate --stack staging'.", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("plan", "--stack", "prod")]
    [InlineData("compliance", "--stack", "prod", "--state", "unread.json")]
    [InlineData("access", "report", "--stack", "prod")]
    [InlineData("drill", "region-switch", "--stack", "prod")]
    public void An_unknown_stack_is_bad_usage_from_every_command(params string[] args)
    {
        var run = CliRun.Infra(Repository, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("infra: --stack prod: no such stack; stacks of this repository: production, staging", run.Error, StringComparison.Ordinal);
    }

    /// <summary>One recursive option on the root command: it goes before or after any subcommand.</summary>
    [Theory]
    [InlineData("--repository", "REPO", "plan", "--stack", "staging", "--output", "json")]
    [InlineData("plan", "--stack", "staging", "--output", "json", "--repository", "REPO")]
    [InlineData("access", "report", "--repository", "REPO", "--stack", "staging", "--output", "csv")]
    [InlineData("drill", "region-switch", "--stack", "staging", "--repository", "REPO", "--output", "json")]
    [InlineData("validate", "--repository", "REPO")]
    public void Repository_is_one_option_of_every_command(params string[] args)
    {
        var empty = Directory.CreateTempSubdirectory("infra-elsewhere-");
        try
        {
            var run = CliRun.Infra(empty.FullName, [.. args.Select(a => a == "REPO" ? Repository : a)]);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.NotEqual("", run.Output);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--output xml: not a format; expected one of table, json", "plan", "--stack", "staging", "--output", "xml")]
    [InlineData("--output html: not a format; expected one of text, markdown, json", "drill", "region-switch", "--stack", "staging", "--output", "html")]
    [InlineData("--output pdf: not a format; expected one of table, csv, markdown, json", "access", "report", "--stack", "staging", "--output", "pdf")]
    [InlineData("--output TABLE: not a format; expected one of table, json, junit, sarif, codequality", "compliance", "--stack", "staging", "--state", "s.json", "--output", "TABLE")]
    [InlineData("give exactly one of --state FILE", "compliance", "--stack", "staging")]
    [InlineData("bench kafka: expected --topics 1..1000000, --services 3..100000 and --runs 1..20; found --services 2", "bench", "kafka", "--services", "2")]
    [InlineData("bench access: expected --people 2..1000000, --teams 1..256 (one VPN range each) and --runs 1..20; found --teams 300", "bench", "access", "--teams", "300")]
    [InlineData("bench compliance: expected --resources 1..2000000 and --runs 1..20; found --runs 0", "bench", "compliance", "--runs", "0")]
    [InlineData("hr apply: --allow-removals must be a whole number, 0 or more; found '-1'", "hr", "apply", "--event", "e.json", "--allow-removals", "-1")]
    [InlineData("hr apply: --allow-removals must be a whole number, 0 or more; found 'abc'", "hr", "apply", "--event", "e.json", "--allow-removals", "abc")]
    public void Invalid_values_are_usage_errors_printed_by_the_parser(string message, params string[] args)
    {
        var run = PeopleCli.Run(Repository, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith("infra: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'infra --help' for usage." + Environment.NewLine, run.Error, StringComparison.Ordinal);
    }

    /// <summary>Help says each format option's default as the parser takes it: <c>table</c>, which it accepts, not <c>Table</c>, which it refuses.</summary>
    [Theory]
    [InlineData("--output <table|json>", "[default: table]", "plan")]
    [InlineData("--output <table|json|junit|sarif|codequality>", "[default: table]", "compliance")]
    [InlineData("--output <text|markdown|json>", "[default: text]", "drill", "region-switch")]
    [InlineData("--format <prometheus|grafana>", "[default: prometheus]", "slo", "export")]
    [InlineData("--output <table|csv|markdown|json>", "[default: table]", "access", "report")]
    public void Help_gives_each_formats_default_as_it_is_typed(string option, string shown, params string[] command)
    {
        var run = CliRun.Infra(Repository, [.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n'), l => l.Contains(option, StringComparison.Ordinal));
        Assert.EndsWith(shown, line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\[default: [A-Z]", run.Output);
    }

    [Fact]
    public void The_compliance_formats_are_the_report_writers_formats()
    {
        Assert.Equal(ComplianceReportWriters.Formats, CommonOptions.FormatNames<ComplianceFormat>());
    }

    [Fact]
    public void A_report_file_that_cannot_be_written_is_bad_input_and_leaves_nothing_behind()
    {
        var folder = Directory.CreateTempSubdirectory("infra-reports-");
        try
        {
            var state = Path.Combine(folder.FullName, "state.json");
            File.WriteAllText(state, """{"version":3,"deployment":{"resources":[]}}""");
            var report = Path.Combine(folder.FullName, "report.json");

            var written = CliRun.Infra(Repository, "compliance", "--stack", "staging", "--state", state, "--json", report, "--write-baseline", Path.Combine(folder.FullName, "baseline.json"));
            var missingFolder = CliRun.Infra(Repository, "compliance", "--stack", "staging", "--state", state, "--json", Path.Combine(folder.FullName, "none", "report.json"));

            Assert.Equal(0, written.ExitCode);
            Assert.StartsWith("{", File.ReadAllText(report), StringComparison.Ordinal);
            Assert.Equal(2, missingFolder.ExitCode);
            Assert.Equal(["baseline.json", "report.json", "state.json"], Directory.EnumerateFiles(folder.FullName).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
