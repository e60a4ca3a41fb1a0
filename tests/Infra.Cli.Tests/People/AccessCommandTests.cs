using System.Text.Json;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;
using Infra.Blueprints.Tests.Support;

namespace Infra.Cli.Tests.People;

public sealed class AccessCommandTests
{
    private static readonly string Repository = RepositoryRoot.Find(AppContext.BaseDirectory);

    [Fact]
    public void The_csv_report_lists_every_person_system_reason_and_end()
    {
        var run = PeopleCli.Run(Repository, "access", "report", "--stack", "staging", "--output", "csv");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("person,system,resource,level,why,until", lines[0]);
        Assert.Contains("cmartin,database,payments-db,read,grant approved by adupont: INC-4821 settlement mismatch,2026-11-25", lines);
        Assert.Contains("cmurphy,gitlab,bank/platform,owner,team platform,2026-11-27", lines);
        Assert.Contains("eoconnor,gitlab,bank/cards,maintainer,\"teams cards, risk\",no end date", lines);
        Assert.Contains("adupont,vpn,10.41.0.0/16,connect,team platform,no end date", lines);
        Assert.DoesNotContain(lines, l => l.Contains("10.60.", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("dkelly,", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_on_another_day_shows_the_access_of_that_day()
    {
        var run = PeopleCli.Run(Repository, "access", "report", "--stack", "production", "--at", "2025-08-29", "--output", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("dkelly,gitlab,bank/platform,owner,team platform,2025-08-29", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("slefebvre,", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_carries_the_grant_and_the_teams()
    {
        var run = PeopleCli.Run(Repository, "access", "report", "--stack", "staging", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("2026-11-22", document.RootElement.GetProperty("day").GetString());
        var grant = document.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("grant").ValueKind == JsonValueKind.Object && e.GetProperty("person").GetString() == "aobrien");
        Assert.Equal("lpetit", grant.GetProperty("grant").GetProperty("approver").GetString());
        Assert.Equal("2026-12-04", grant.GetProperty("until").GetString());
    }

    [Fact]
    public void The_markdown_report_is_a_table_with_a_summary()
    {
        var run = PeopleCli.Run(Repository, "access", "report", "--stack", "staging", "--output", "markdown");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# Access on stack staging at 2026-11-22 09:00:00Z\n\n| person | system | resource | level | why | until |\n| --- |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| cmartin | database | payments-db | read | grant approved by adupont: INC-4821 settlement mismatch | 2026-11-25 |", run.Output, StringComparison.Ordinal);
        Assert.Contains("28 people with access", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_report_is_the_default()
    {
        var run = PeopleCli.Run(Repository, "access", "report", "--stack", "staging");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Access on stack staging at 2026-11-22 09:00:00Z", run.Output, StringComparison.Ordinal);
        Assert.Contains("INC-4821 settlement mismatch", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diff_shows_who_loses_what_between_two_days()
    {
        var run = PeopleCli.Run(Repository, "access", "diff", "--stack", "staging", "--from", "2026-11-22", "--to", "2026-12-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("- loses", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 lose access (cmartin, cmurphy)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_limit_enforced_ends_and_expiries_never_stop_the_sync()
    {
        // cmartin's grant expires and cmurphy's contract ends: both dated, so neither counts against the limit.
        using var copy = new RepositoryCopy().Edit(AccessSettings.File, "maxPeopleLosingAccess: 3", "maxPeopleLosingAccess: 0");

        var run = PeopleCli.Run(copy.Root, "access", "diff", "--stack", "staging", "--from", "2026-11-22", "--to", "2026-12-01", "--enforce-limit");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("2 lose access (cmartin, cmurphy)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_at_a_time_shows_a_termination_to_the_second()
    {
        using var copy = new RepositoryCopy().Edit(Files.People, "    start: 2023-01-09\n", "    start: 2023-01-09\n    end: 2026-11-22\n    endsAt: 2026-11-22T10:30:00Z\n");

        var before = PeopleCli.Run(copy.Root, "access", "report", "--stack", "staging", "--at", "2026-11-22T10:29:59Z", "--output", "csv");
        var after = PeopleCli.Run(copy.Root, "access", "report", "--stack", "staging", "--at", "2026-11-22T10:30Z", "--output", "csv");

        Assert.Contains("\r\nhlambert,", before.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hlambert", after.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("access", "report", "--stack", "prod")]
    [InlineData("access", "report", "--stack", "staging", "--at", "22/11/2026")]
    [InlineData("access", "report", "--stack", "staging", "--at", "2026-11-22T10:30")]
    [InlineData("access", "report", "--stack", "staging", "--output", "pdf")]
    [InlineData("access", "diff", "--stack", "staging", "--from", "2026-11-22")]
    public void Bad_usage_exits_2(params string[] args)
    {
        Assert.Equal(2, PeopleCli.Run(Repository, args).ExitCode);
    }

    [Fact]
    public void An_invalid_catalog_is_reported_and_exits_1()
    {
        using var copy = new RepositoryCopy().Edit(Files.People, "approver: lpetit\n", "approver: aobrien\n");

        var run = PeopleCli.Run(copy.Root, "access", "report", "--stack", "staging");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot approve their own grant", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_warns_about_contracts_and_grants_ending_within_a_week()
    {
        var run = CliRun.Infra(Repository, "validate");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: people[5].end: access of cmurphy (contractor) ends on 2026-11-27, in 5 days", run.Output, StringComparison.Ordinal);
        Assert.Contains("warning: people[4].grants[0].expires: grant of cmartin to database/payments-db (read) expires on 2026-11-25, in 3 days", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("aobrien", run.Output, StringComparison.Ordinal);
    }
}
