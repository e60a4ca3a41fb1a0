using System.Text.Json;
using Infra.Blueprints.Loading;

namespace Infra.Cli.Tests;

/// <summary>`infra plan` shows each service's SLOs: objective, error budget in minutes and requests, and the alert thresholds.</summary>
public sealed class PlanSloTests
{
    private static readonly string Repository = RepositoryRoot.Find(AppContext.BaseDirectory);

    [Fact]
    public void Table_shows_each_slo_with_its_budget_and_thresholds()
    {
        var run = CliRun.Infra(Repository, "plan", "--stack", "staging");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("SLOs (8 services)", run.Output, StringComparison.Ordinal);
        var ledger = run.Output.Split('\n').Single(l => l.Contains(" ledger ", StringComparison.Ordinal) && l.Contains("availability", StringComparison.Ordinal));
        Assert.Contains("tier 1, the default for restricted data", ledger, StringComparison.Ordinal);
        Assert.Contains("99.95%", ledger, StringComparison.Ordinal);
        Assert.Contains("21.6", ledger, StringComparison.Ordinal);
        // ledger's staging peak is 400 rps: 0.0005 x 400 x 30 days of seconds.
        Assert.Contains("518,400", ledger, StringComparison.Ordinal);
        Assert.Contains("14.4x over 1h and 5m: > 0.72%; 6x over 6h and 30m: > 0.3%", ledger, StringComparison.Ordinal);
        Assert.Contains("1x over 3d and 6h: > 0.05%", ledger, StringComparison.Ordinal);
        Assert.Contains(run.Output.Split('\n'), l => l.Contains("card-authorizer", StringComparison.Ordinal) && l.Contains("latency (< 250 ms)", StringComparison.Ordinal) && l.Contains("99.5%", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_carries_the_slos_with_numbers()
    {
        var run = CliRun.Infra(Repository, "plan", "--stack", "production", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var plan = JsonDocument.Parse(run.Output);
        var slos = plan.RootElement.GetProperty("slos").EnumerateArray().ToList();
        Assert.Equal(16, slos.Count);
        var latency = slos.Single(s => s.GetProperty("service").GetString() == "card-authorizer" && s.GetProperty("slo").GetString() == "latency");
        Assert.Equal(99.5m, latency.GetProperty("objective").GetDecimal());
        Assert.Equal(250, latency.GetProperty("latencyThresholdMs").GetInt32());
        Assert.Equal(30, latency.GetProperty("windowDays").GetInt32());
        var fastPage = latency.GetProperty("alerts")[0];
        Assert.Equal("page", fastPage.GetProperty("severity").GetString());
        Assert.Equal(0.072m, fastPage.GetProperty("errorRateThreshold").GetDecimal());
    }
}
