using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;

namespace Infra.Blueprints.Tests.Fleets;

/// <summary>The capacity rule: even at its minimum, the fleet serves the peak at the target utilisation when any one zone is lost.</summary>
public sealed class FleetCapacityTests
{
    private const EnvironmentKind Staging = EnvironmentKind.Staging;
    private const EnvironmentKind Production = EnvironmentKind.Production;

    public static TheoryData<string, int, int, int, int, EnvironmentKind, int, int, int> Cases() => new()
    {
        // case, peak, per instance, utilisation %, zones, environment => needed, min, max
        { "production payments-api", 2_400, 650, 70, 3, Production, 6, 9, 12 },
        { "production fraud-scoring: 4/6/8 kept 2 of 4, now 8 keep 5", 2_200, 700, 70, 3, Production, 5, 8, 11 },
        { "ordinary: 3 zones", 2_400, 500, 70, 3, Production, 7, 11, 15 },
        { "a lower utilisation needs more", 2_400, 650, 50, 3, Production, 8, 12, 16 },
        { "a higher utilisation needs fewer", 2_400, 650, 90, 3, Production, 5, 8, 11 },
        { "exactly at the target", 700, 100, 70, 3, Staging, 10, 15, 20 },
        { "one request above the target", 701, 100, 70, 3, Staging, 11, 17, 23 },
        { "2 zones double the fleet", 1_000, 100, 70, 2, Staging, 15, 30, 45 },
        { "6 zones", 601, 100, 70, 6, Staging, 9, 11, 13 },
        { "peak 0 in staging: one per zone", 0, 500, 70, 3, Staging, 0, 3, 4 },
        { "peak 0 in production: two survive a zone loss", 0, 500, 70, 3, Production, 0, 3, 4 },
        { "peak 0 over 2 zones", 0, 500, 70, 2, Staging, 0, 2, 3 },
        { "per instance above the peak, staging", 300, 500, 70, 3, Staging, 1, 3, 4 },
        { "per instance above the peak, production", 300, 500, 70, 3, Production, 1, 3, 4 },
        { "one-zone region: survives one instance only", 1_000, 100, 70, 1, Staging, 15, 16, 32 },
        { "one-zone region, peak 0, production", 0, 100, 70, 1, Production, 0, 3, 6 },
        { "very large fleet", 10_000_000, 1, 90, 3, Production, 11_111_112, 16_666_668, 22_222_224 },
        { "very large fleet over 4 zones", 10_000_000, 7, 70, 4, Production, 2_040_817, 2_721_090, 3_401_363 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Capacity_follows_the_rule(string name, int peak, int perInstance, int utilisation, int zones, EnvironmentKind environment, int needed, int min, int max)
    {
        var capacity = FleetCapacity.Compute(peak, perInstance, utilisation, zones, environment);

        Assert.True((needed, min, min, max) == (capacity.Needed, capacity.Min, capacity.Desired, capacity.Max),
            $"{name}: expected {(needed, min, min, max)}, computed {(capacity.Needed, capacity.Min, capacity.Desired, capacity.Max)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_minimum_serves_the_peak_at_the_target_utilisation_after_losing_a_zone(string name, int peak, int perInstance, int utilisation, int zones, EnvironmentKind environment, int needed, int min, int max)
    {
        _ = (needed, min, max);
        var capacity = FleetCapacity.Compute(peak, perInstance, utilisation, zones, environment);

        Assert.True(capacity.AfterZoneLoss >= capacity.Needed, name);
        Assert.True(capacity.AfterZoneLoss >= FleetCapacity.Floor(environment), name);
        Assert.True(capacity.AfterZoneLoss * capacity.TargetRpsPerInstance >= peak, $"{name}: {capacity.AfterZoneLoss} left serve less than {peak} rps at {utilisation} %");
    }

    [Fact]
    public void The_minimum_is_the_smallest_zone_safe_count_with_one_per_zone()
    {
        for (var zones = 2; zones <= 6; zones++)
        {
            for (var peak = 0; peak <= 3_000; peak += 50)
            {
                var capacity = FleetCapacity.Compute(peak, 100, 70, zones, Staging);
                var smaller = capacity.Min - 1;
                var smallerSurvivors = smaller - ((smaller + zones - 1) / zones);
                Assert.True(smallerSurvivors < capacity.Kept || smaller < zones, $"peak {peak} over {zones} zones: {smaller} would do");
            }
        }
    }

    [Fact]
    public void Needed_is_sized_at_the_target_utilisation_not_at_what_one_instance_serves()
    {
        // 2,200 rps / 700 = 3.1: four instances at 100 %, five at 70 % (490 rps each).
        Assert.Equal(5, FleetCapacity.Compute(2_200, 700, 70, 3, Production).Needed);
        Assert.Equal(4, FleetCapacity.Compute(2_200, 700, 100, 3, Production).Needed);
    }

    [Fact]
    public void Target_tracking_holds_the_target_utilisation_of_one_instance() =>
        Assert.Equal(455m, FleetCapacity.Compute(2_400, 650, 70, 3, Production).TargetRpsPerInstance);

    [Fact]
    public void Production_never_runs_on_fewer_than_two_instances()
    {
        for (var zones = 1; zones <= 6; zones++)
        {
            var capacity = FleetCapacity.Compute(0, 1_000, 70, zones, Production);
            Assert.True(capacity.Min >= 2);
            Assert.True(capacity.AfterZoneLoss >= 2);
        }
    }

    [Fact]
    public void Max_leaves_room_for_one_zone_more() =>
        Assert.Equal(9 + 3, FleetCapacity.Compute(2_400, 650, 70, 3, Production).Max);

    [Fact]
    public void Explanation_gives_the_zone_loss_the_utilisation_and_the_target_tracking_in_one_line()
    {
        var capacity = FleetCapacity.Compute(2_400, 650, 70, 3, Production);

        Assert.Equal("9/9/12 over 3 zones: peak 2,400 rps at 70 % of 650 per instance = 6 needed; min 9 so that losing a zone (3 at most) leaves 6; target tracking at 455 rps per instance above min, up to max 12 (one zone more, room for a rolling refresh)",
            capacity.Explanation);
    }

    [Theory]
    [InlineData(0, 500, 3, EnvironmentKind.Production, "3/3/4 over 3 zones: peak 0 rps at 70 % of 500 per instance = 0 needed, 2 at least in production; min 3 so that losing a zone (1 at most) leaves 2; target tracking at 350 rps per instance above min, up to max 4 (one zone more, room for a rolling refresh)")]
    [InlineData(300, 500, 3, EnvironmentKind.Staging, "3/3/4 over 3 zones: peak 300 rps at 70 % of 500 per instance = 1 needed; min 3 for one per zone (2 left after a zone loss); target tracking at 350 rps per instance above min, up to max 4 (one zone more, room for a rolling refresh)")]
    [InlineData(1_000, 100, 1, EnvironmentKind.Staging, "16/16/32 in 1 zone: peak 1,000 rps at 70 % of 100 per instance = 15 needed; min 16 so that one instance may fail (one zone cannot survive a zone loss); target tracking at 70 rps per instance above min, up to max 32 (one zone more, room for a rolling refresh)")]
    public void Explanation_says_why_the_minimum_exceeds_the_need(int peak, int perInstance, int zones, EnvironmentKind environment, string expected) =>
        Assert.Equal(expected, FleetCapacity.Compute(peak, perInstance, 70, zones, environment).Explanation);

    [Theory]
    [InlineData(-1, 100, 70, 3)]
    [InlineData(100, 0, 70, 3)]
    [InlineData(100, 100, 0, 3)]
    [InlineData(100, 100, 101, 3)]
    [InlineData(100, 100, 70, 0)]
    public void Impossible_inputs_are_rejected(int peak, int perInstance, int utilisation, int zones) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FleetCapacity.Compute(peak, perInstance, utilisation, zones, Staging));
}
