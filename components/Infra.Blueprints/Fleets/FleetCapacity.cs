using System.Globalization;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// How many instances a fleet runs, and why. <see cref="Needed"/> instances serve the declared
/// peak; <see cref="Desired"/> is the smallest count that, spread evenly over the zones, still
/// leaves <see cref="Min"/> serving when the biggest zone is lost; <see cref="Max"/> leaves room
/// to launch one zone's worth of replacements during a rolling refresh.
/// </summary>
public sealed record FleetCapacity(
    int PeakRps,
    int RpsPerInstance,
    int Zones,
    int Needed,
    int Min,
    int Desired,
    int Max,
    string Explanation)
{
    /// <summary>Instances that must still serve after a zone loss when the peak needs fewer: production never runs on one server.</summary>
    public static int Floor(EnvironmentKind environment) => environment == EnvironmentKind.Production ? 2 : 1;

    /// <summary>Instances in the biggest zone when <see cref="Desired"/> is spread evenly, as the autoscaling group does.</summary>
    public int BiggestZone => Zones == 0 ? 0 : (Desired + Zones - 1) / Zones;

    /// <summary>Instances left serving when the biggest zone is lost (or, in a one-zone region, one instance).</summary>
    public int AfterZoneLoss => Desired - (Zones > 1 ? BiggestZone : 1);

    /// <summary>
    /// The capacity rule: needed = ceil(peak / per instance); min = max(needed, floor of the
    /// environment); desired = the smallest d with d - ceil(d / zones) >= min, that is
    /// min + ceil(min / (zones - 1)), and at least one per zone; max = desired + ceil(desired / zones).
    /// A one-zone region cannot survive a zone loss: there desired = min + 1 survives one instance.
    /// </summary>
    public static FleetCapacity Compute(int peakRps, int rpsPerInstance, int zones, EnvironmentKind environment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peakRps);
        ArgumentOutOfRangeException.ThrowIfLessThan(rpsPerInstance, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(zones, 1);
        var needed = (int)(((long)peakRps + rpsPerInstance - 1) / rpsPerInstance);
        var min = Math.Max(needed, Floor(environment));
        var desired = zones == 1 ? checked(min + 1) : Math.Max(zones, checked(min + (min + zones - 2) / (zones - 1)));
        var max = checked(desired + (desired + zones - 1) / zones);
        var capacity = new FleetCapacity(peakRps, rpsPerInstance, zones, needed, min, desired, max, "");
        return capacity with { Explanation = Explain(capacity, environment) };
    }

    private static string Explain(FleetCapacity c, EnvironmentKind environment)
    {
        var where = c.Zones == 1 ? "in 1 zone" : $"over {c.Zones} zones";
        var text = $"{N(c.Desired)} {where}: peak {N(c.PeakRps)} rps / {N(c.RpsPerInstance)} per instance = {N(c.Needed)} needed";
        if (c.Min > c.Needed)
        {
            text += environment == EnvironmentKind.Production
                ? $", {N(c.Min)} at least in production"
                : $", {N(c.Min)} at least";
        }
        text += c.Zones == 1
            ? $", {N(c.Desired)} so that one instance may fail (one zone cannot survive a zone loss)"
            : c.Desired == c.Zones && c.AfterZoneLoss > c.Min
                ? $", {N(c.Desired)} for one per zone"
                : $", {N(c.Desired)} so that one zone may fail ({N(c.BiggestZone)} per zone at most, {N(c.AfterZoneLoss)} left)";
        return text + $"; max {N(c.Max)} for a rolling refresh";
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
