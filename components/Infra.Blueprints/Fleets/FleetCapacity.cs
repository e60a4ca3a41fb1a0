using System.Globalization;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// How many instances a fleet runs, and why. <see cref="Needed"/> instances serve the declared
/// peak at the declared target utilisation; <see cref="Min"/> is the smallest count that, spread
/// evenly over the zones, still leaves <see cref="Kept"/> (the need, or the environment's floor)
/// serving when the biggest zone is lost, so no scale-in can go below what a zone loss needs.
/// Target tracking holds <see cref="TargetRpsPerInstance"/> above the minimum, up to <see cref="Max"/>,
/// which is one zone's worth more: room for load above the peak and for a rolling refresh.
/// </summary>
public sealed record FleetCapacity(
    int PeakRps,
    int RpsPerInstance,
    int TargetUtilisationPercent,
    int Zones,
    int Needed,
    int Kept,
    int Min,
    int Max,
    string Explanation)
{
    /// <summary>Instances that must still serve after a zone loss when the peak needs fewer: production never runs on one server.</summary>
    public static int Floor(EnvironmentKind environment) => environment == EnvironmentKind.Production ? 2 : 1;

    /// <summary>
    /// The warm standby's minimum when a service declares none (<c>standbyMinimum</c>): the floor of the
    /// environment, so that in production one failed instance does not leave the standby empty.
    /// </summary>
    public static int StandbyMinimum(EnvironmentKind environment) => Floor(environment);

    /// <summary>
    /// This full-size capacity as the warm standby in the secondary region runs it: <paramref name="minimum"/>
    /// instances, and the same maximum, so that target tracking can still grow it before the switch's
    /// scale-up raises its minimum to <see cref="Min"/>.
    /// </summary>
    public FleetCapacity AsStandby(int minimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimum, Min);
        return this with
        {
            Min = minimum,
            Explanation = $"standby {N(minimum)}/{N(minimum)}/{N(Max)} while {N(Min)} is the full minimum (scale-up at a region switch); full size: {Explanation}",
        };
    }

    /// <summary>The group starts at the minimum; target tracking raises it from there.</summary>
    public int Desired => Min;

    /// <summary>Requests per second one instance takes at the target utilisation: the target of the scaling policy.</summary>
    public decimal TargetRpsPerInstance => RpsPerInstance * (decimal)TargetUtilisationPercent / 100m;

    /// <summary>Instances in the biggest zone when <see cref="Min"/> is spread evenly, as the autoscaling group does.</summary>
    public int BiggestZone => Zones == 0 ? 0 : (Min + Zones - 1) / Zones;

    /// <summary>Instances left serving at the minimum when the biggest zone is lost (or, in a one-zone region, one instance).</summary>
    public int AfterZoneLoss => Min - (Zones > 1 ? BiggestZone : 1);

    /// <summary>
    /// The capacity rule: needed = ceil(peak / (per instance x utilisation)); kept = max(needed, floor
    /// of the environment); min = the smallest m with m - ceil(m / zones) >= kept, that is
    /// kept + ceil(kept / (zones - 1)), and at least one per zone; max = min + ceil(min / zones).
    /// A one-zone region cannot survive a zone loss: there min = kept + 1 survives one instance.
    /// </summary>
    public static FleetCapacity Compute(int peakRps, int rpsPerInstance, int targetUtilisationPercent, int zones, EnvironmentKind environment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peakRps);
        ArgumentOutOfRangeException.ThrowIfLessThan(rpsPerInstance, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetUtilisationPercent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetUtilisationPercent, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(zones, 1);
        var atTarget = (long)rpsPerInstance * targetUtilisationPercent;
        var needed = checked((int)((100L * peakRps + atTarget - 1) / atTarget));
        var kept = Math.Max(needed, Floor(environment));
        var min = zones == 1 ? checked(kept + 1) : Math.Max(zones, checked(kept + (kept + zones - 2) / (zones - 1)));
        var max = checked(min + (min + zones - 1) / zones);
        var capacity = new FleetCapacity(peakRps, rpsPerInstance, targetUtilisationPercent, zones, needed, kept, min, max, "");
        return capacity with { Explanation = Explain(capacity, environment) };
    }

    private static string Explain(FleetCapacity c, EnvironmentKind environment)
    {
        var where = c.Zones == 1 ? "in 1 zone" : $"over {c.Zones} zones";
        var text = $"{N(c.Min)}/{N(c.Desired)}/{N(c.Max)} {where}: peak {N(c.PeakRps)} rps at {c.TargetUtilisationPercent} % of {N(c.RpsPerInstance)} per instance = {N(c.Needed)} needed";
        if (c.Kept > c.Needed)
        {
            text += environment == EnvironmentKind.Production ? $", {N(c.Kept)} at least in production" : $", {N(c.Kept)} at least";
        }
        text += c.Zones == 1
            ? $"; min {N(c.Min)} so that one instance may fail (one zone cannot survive a zone loss)"
            : c.Min == c.Zones && c.AfterZoneLoss > c.Kept
                ? $"; min {N(c.Min)} for one per zone ({N(c.AfterZoneLoss)} left after a zone loss)"
                : $"; min {N(c.Min)} so that losing a zone ({N(c.BiggestZone)} at most) leaves {N(c.AfterZoneLoss)}";
        return text + $"; target tracking at {N(c.TargetRpsPerInstance)} rps per instance above min, up to max {N(c.Max)} (one zone more, room for a rolling refresh)";
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
