using Infra.Blueprints.Definition;
using Infra.Blueprints.Slos;
using Infra.Blueprints.Tests.Fleets;

namespace Infra.Blueprints.Tests.Slos;

/// <summary>SLOs come from the stack entry, the rest from the tier, whose default comes from the data the service holds.</summary>
public sealed class ServiceLevelObjectivesTests
{
    [Theory]
    [InlineData(DataClassification.Restricted, 1, 99.95, 300)]
    [InlineData(DataClassification.Confidential, 2, 99.9, 500)]
    [InlineData(DataClassification.Internal, 3, 99.5, 1000)]
    [InlineData(DataClassification.Public, 3, 99.5, 1000)]
    public void Defaults_come_from_the_data_classification(DataClassification classification, int tier, double availability, int thresholdMs)
    {
        var service = Service() with { DataClassification = classification };

        var slos = ServiceLevelObjectives.For(service);

        Assert.Equal(tier, slos.Tier);
        Assert.Equal((decimal)availability, slos.Availability.Objective);
        Assert.Equal(thresholdMs, slos.Latency.LatencyThresholdMs);
        Assert.Equal(TimeSpan.FromDays(30), slos.Availability.Window);
        Assert.Contains("default", slos.TierReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_tier_overrides_the_classification_and_declared_values_override_the_tier()
    {
        var service = Service() with { Slo = new ServiceLevelSettings(3, TimeSpan.FromDays(28), null, 97.5m, null) };

        var slos = ServiceLevelObjectives.For(service);

        Assert.Equal(3, slos.Tier);
        Assert.Equal("tier 3, declared", slos.TierReason);
        Assert.Equal(99.5m, slos.Availability.Objective);
        Assert.Equal(97.5m, slos.Latency.Objective);
        Assert.Equal(1000, slos.Latency.LatencyThresholdMs);
        Assert.All(slos.All, s => Assert.Equal(TimeSpan.FromDays(28), s.Window));
    }

    [Fact]
    public void Alerts_are_the_workbook_windows_with_thresholds_of_burn_rate_times_budget()
    {
        var slo = ServiceLevelObjectives.For(Service() with { Slo = new ServiceLevelSettings(null, null, 99.9m, null, null) }).Availability;

        Assert.Equal(0.001m, slo.ErrorBudget);
        Assert.Equal(
            [
                (AlertSeverity.Page, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), 14.4m, 0.0144m),
                (AlertSeverity.Page, TimeSpan.FromHours(6), TimeSpan.FromMinutes(30), 6m, 0.006m),
                (AlertSeverity.Ticket, TimeSpan.FromDays(3), TimeSpan.FromHours(6), 1m, 0.001m),
            ],
            slo.Alerts.Select(a => (a.Severity, a.LongWindow, a.ShortWindow, a.BurnRate, a.ErrorRateThreshold)));
    }

    [Fact]
    public void The_fast_page_fires_after_two_percent_of_a_thirty_day_budget()
    {
        var slo = ServiceLevelObjectives.For(Service()).Availability;

        Assert.Equal([0.02m, 0.05m, 0.1m], slo.Alerts.Select(a => decimal.Round(a.BudgetSpent, 4)));
    }

    [Fact]
    public void The_budget_is_counted_in_minutes_and_in_requests_at_the_declared_peak()
    {
        var slo = ServiceLevelObjectives.For(Service() with { PeakRps = 400, Slo = new ServiceLevelSettings(null, null, 99.9m, null, null) }).Availability;

        Assert.Equal(43.2m, slo.BudgetMinutes);
        Assert.Equal(1_036_800, slo.BudgetRequestsAtPeak);
    }

    [Fact]
    public void The_repository_declares_a_faster_latency_for_the_card_authorizer()
    {
        var definition = RepositoryDefinitions.Load("production");

        var slos = ServiceLevelObjectives.For(RepositoryDefinitions.Service(definition, "card-authorizer"));

        Assert.Equal(250, slos.Latency.LatencyThresholdMs);
        Assert.Equal(99.5m, slos.Latency.Objective);
        Assert.Equal(99.95m, slos.Availability.Objective);
    }

    private static ServiceDefinition Service() =>
        RepositoryDefinitions.Service(RepositoryDefinitions.Load("staging"), "ledger") with { Slo = ServiceLevelSettings.Defaults };
}
