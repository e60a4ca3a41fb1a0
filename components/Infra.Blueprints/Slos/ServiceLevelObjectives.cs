using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Slos;

/// <summary>
/// Builds every service's SLOs from its stack entry: what it declares under <c>slo:</c>, the rest
/// from its tier, whose default comes from the data the service holds. A pure function.
/// </summary>
public static class ServiceLevelObjectives
{
    /// <summary>The defaults of a tier: objectives and window. Tier 1 moves money or holds restricted data.</summary>
    public static (decimal Availability, decimal LatencyPercent, int LatencyThresholdMs, TimeSpan Window) TierDefaults(int tier) => tier switch
    {
        1 => (99.95m, 99m, 300, TimeSpan.FromDays(30)),
        2 => (99.9m, 99m, 500, TimeSpan.FromDays(30)),
        3 => (99.5m, 95m, 1000, TimeSpan.FromDays(30)),
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "a tier is 1, 2 or 3"),
    };

    /// <summary>The tier of a service that declares none: the more sensitive its data, the more critical the service.</summary>
    public static int DefaultTier(DataClassification classification) => classification switch
    {
        DataClassification.Restricted => 1,
        DataClassification.Confidential => 2,
        _ => 3,
    };

    public static EquatableList<ServiceSlos> For(StackDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Services.Select(For).ToEquatableList();
    }

    public static ServiceSlos For(ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var declared = service.Slo;
        var tier = declared.Tier ?? DefaultTier(service.DataClassification);
        var reason = declared.Tier is null
            ? $"tier {tier}, the default for {ValueReader.EnumName(service.DataClassification)} data"
            : $"tier {tier}, declared";
        var defaults = TierDefaults(tier);
        var window = declared.Window ?? defaults.Window;
        return new ServiceSlos(
            service.Name,
            service.Team,
            tier,
            reason,
            Objective(service, SloKind.Availability, declared.Availability ?? defaults.Availability, window, null),
            Objective(service, SloKind.Latency, declared.LatencyTarget ?? defaults.LatencyPercent, window, declared.LatencyThresholdMs ?? defaults.LatencyThresholdMs));
    }

    private static ServiceLevelObjective Objective(ServiceDefinition service, SloKind kind, decimal objective, TimeSpan window, int? thresholdMs)
    {
        var budget = 1m - (objective / 100m);
        var alerts = BurnRatePolicy.Windows
            .Select(w => new BurnRateAlert(w.Severity, w.Long, w.Short, w.BurnRate, w.BurnRate * budget, w.BurnRate * (decimal)(w.Long / window)))
            .ToEquatableList();
        return new ServiceLevelObjective(service.Name, service.Team, kind, objective, window, thresholdMs, service.PeakRps, alerts);
    }
}
