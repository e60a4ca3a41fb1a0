using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;

namespace Infra.Blueprints.Tests.Fleets;

/// <summary>The capacity rule: the peak is still served when any one zone is lost.</summary>
public sealed class FleetCapacityTests
{
    private const EnvironmentKind Staging = EnvironmentKind.Staging;
    private const EnvironmentKind Production = EnvironmentKind.Production;

    public static TheoryData<string, int, int, int, EnvironmentKind, int, int, int, int> Cases() => new()
    {
        // case, peak, per instance, zones, environment => needed, min, desired, max
        { "ordinary: 5 needed over 3 zones", 2_400, 500, 3, Production, 5, 5, 8, 11 },
        { "ordinary: production payments-api", 2_400, 650, 3, Production, 4, 4, 6, 8 },
        { "ordinary: 3 needed over 3 zones", 3_600, 1_200, 3, Production, 3, 3, 5, 7 },
        { "ordinary: 2 zones double the fleet", 1_000, 100, 2, Staging, 10, 10, 20, 30 },
        { "ordinary: 6 zones", 601, 100, 6, Staging, 7, 7, 9, 11 },
        { "peak 0 in staging: one per zone", 0, 500, 3, Staging, 0, 1, 3, 4 },
        { "peak 0 in production: two survive a zone loss", 0, 500, 3, Production, 0, 2, 3, 4 },
        { "peak 0 over 2 zones", 0, 500, 2, Staging, 0, 1, 2, 3 },
        { "per instance above the peak, staging", 300, 500, 3, Staging, 1, 1, 3, 4 },
        { "per instance above the peak, production", 300, 500, 3, Production, 1, 2, 3, 4 },
        { "production minimum of 2", 1_200, 900, 3, Production, 2, 2, 3, 4 },
        { "one-zone region: survives one instance only", 1_000, 100, 1, Staging, 10, 10, 11, 22 },
        { "one-zone region, peak 0, production", 0, 100, 1, Production, 0, 2, 3, 6 },
        { "very large fleet", 10_000_000, 1, 3, Production, 10_000_000, 10_000_000, 15_000_000, 20_000_000 },
        { "very large fleet over 4 zones", 10_000_000, 7, 4, Production, 1_428_572, 1_428_572, 1_904_763, 2_380_954 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Capacity_follows_the_rule(string name, int peak, int perInstance, int zones, EnvironmentKind environment, int needed, int min, int desired, int max)
    {
        var capacity = FleetCapacity.Compute(peak, perInstance, zones, environment);

        Assert.True((needed, min, desired, max) == (capacity.Needed, capacity.Min, capacity.Desired, capacity.Max),
            $"{name}: expected {(needed, min, desired, max)}, computed {(capacity.Needed, capacity.Min, capacity.Desired, capacity.Max)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Capacity_survives_loss_of_one_zone(string name, int peak, int perInstance, int zones, EnvironmentKind environment, int needed, int min, int desired, int max)
    {
        _ = (name, needed, min, desired, max);
        var capacity = FleetCapacity.Compute(peak, perInstance, zones, environment);

        Assert.True(capacity.AfterZoneLoss >= capacity.Needed);
        Assert.True(capacity.AfterZoneLoss >= capacity.Min);
        Assert.True((long)capacity.AfterZoneLoss * perInstance >= peak);
    }

    [Fact]
    public void Desired_is_the_smallest_count_that_survives_a_zone_loss_with_one_per_zone()
    {
        for (var zones = 2; zones <= 6; zones++)
        {
            for (var peak = 0; peak <= 3_000; peak += 50)
            {
                var capacity = FleetCapacity.Compute(peak, 100, zones, Staging);
                var smaller = capacity.Desired - 1;
                var smallerSurvivors = smaller - ((smaller + zones - 1) / zones);
                Assert.True(smallerSurvivors < capacity.Min || smaller < zones, $"peak {peak} over {zones} zones: {smaller} would do");
            }
        }
    }

    [Fact]
    public void Production_never_runs_on_fewer_than_two_instances()
    {
        for (var zones = 1; zones <= 6; zones++)
        {
            var capacity = FleetCapacity.Compute(0, 1_000, zones, Production);
            Assert.True(capacity.Min >= 2);
            Assert.True(capacity.AfterZoneLoss >= 2);
        }
    }

    [Fact]
    public void Max_leaves_room_for_one_zone_of_new_instances() =>
        Assert.Equal(8 + 3, FleetCapacity.Compute(2_400, 500, 3, Production).Max);

    [Fact]
    public void Explanation_gives_the_numbers_in_one_line()
    {
        var capacity = FleetCapacity.Compute(2_400, 500, 3, Production);

        Assert.Equal("8 over 3 zones: peak 2,400 rps / 500 per instance = 5 needed, 8 so that one zone may fail (3 per zone at most, 5 left); max 11 for a rolling refresh",
            capacity.Explanation);
    }

    [Theory]
    [InlineData(0, 500, 3, EnvironmentKind.Production, "3 over 3 zones: peak 0 rps / 500 per instance = 0 needed, 2 at least in production, 3 so that one zone may fail (1 per zone at most, 2 left); max 4 for a rolling refresh")]
    [InlineData(300, 500, 3, EnvironmentKind.Staging, "3 over 3 zones: peak 300 rps / 500 per instance = 1 needed, 3 for one per zone; max 4 for a rolling refresh")]
    [InlineData(1_000, 100, 1, EnvironmentKind.Staging, "11 in 1 zone: peak 1,000 rps / 100 per instance = 10 needed, 11 so that one instance may fail (one zone cannot survive a zone loss); max 22 for a rolling refresh")]
    public void Explanation_says_why_the_count_exceeds_the_need(int peak, int perInstance, int zones, EnvironmentKind environment, string expected) =>
        Assert.Equal(expected, FleetCapacity.Compute(peak, perInstance, zones, environment).Explanation);

    [Theory]
    [InlineData(-1, 100, 3)]
    [InlineData(100, 0, 3)]
    [InlineData(100, 100, 0)]
    public void Impossible_inputs_are_rejected(int peak, int perInstance, int zones) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FleetCapacity.Compute(peak, perInstance, zones, Staging));
}
