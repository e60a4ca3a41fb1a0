using Infra.Components.Fleets;
using Infra.Stacks.Tests.Support;

namespace Infra.Stacks.Tests;

/// <summary>
/// Every fleet runs in both regions (the warm standby in the secondary), so the config change of a
/// region switch renames, creates and deletes nothing: the same resources, with the same URNs, and
/// the fleets differ only in their sizes.
/// </summary>
[Collection(SharedDeployments.Name)]
public sealed class RegionSwitchOnStackTests(DeployedStacks stacks)
{
    private const string Group = "aws:autoscaling/group:Group";

    /// <summary>What a region switch may change on a fleet: its sizes, and the instance refresh's headroom, which follows its minimum.</summary>
    private static readonly string[] Sizes = ["minSize", "desiredCapacity", "instanceRefresh"];

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task Flipping_the_primary_region_keeps_every_resource_urn(string stackName)
    {
        var before = await stacks.Of(stackName);

        var after = await Flipped(stackName);

        Assert.Equal(before.Resources.Select(r => r.Urn).Order(StringComparer.Ordinal), after.Resources.Select(r => r.Urn).Order(StringComparer.Ordinal));
        Assert.Equal(2 * before.Program.Definition.Services.Count, before.Resources.Count(r => r.Type == ServiceFleet.TypeToken));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task Flipping_the_primary_region_changes_the_fleets_sizes_only_and_no_rule_between_them(string stackName)
    {
        var before = await stacks.Of(stackName);
        var after = (await Flipped(stackName)).Resources.ToDictionary(r => r.Urn, StringComparer.Ordinal);
        // The fleets' resources and the rules between fleets and to the databases.
        var fleetUrns = before.Resources.Where(r => r.Type is ServiceFleet.TypeToken or FleetConnections.TypeToken).Select(r => r.Urn).ToHashSet(StringComparer.Ordinal);
        var fleetResources = before.Resources.Where(r => r.ParentUrn is { } parent && fleetUrns.Contains(parent)).ToList();

        Assert.NotEmpty(fleetResources);
        foreach (var resource in fleetResources)
        {
            var other = after[resource.Urn];
            var changed = resource.Inputs.Keys.Union(other.Inputs.Keys)
                .Where(key => !Equal(resource.Inputs.GetValueOrDefault(key), other.Inputs.GetValueOrDefault(key)))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (resource.Type == Group)
            {
                Assert.All(changed, key => Assert.Contains(key, Sizes));
                Assert.Contains("minSize", changed);
            }
            else
            {
                Assert.True(changed.Count == 0, $"{resource.Name} changes {string.Join(", ", changed)} at a region switch");
            }
        }
    }

    private static Task<MockedDeployment> Flipped(string stackName) =>
        MockedDeployment.DeployAsync(stackName, config =>
        {
            using var regions = System.Text.Json.JsonDocument.Parse(config.Values["infra:regions"]);
            var primary = regions.RootElement.GetProperty("primary").GetString();
            var secondary = regions.RootElement.GetProperty("secondary").GetString();
            return config.WithValue("infra:regions", $$"""{"primary":"{{secondary}}","secondary":"{{primary}}"}""");
        });

    private static bool Equal(object? a, object? b) => InputText(a) == InputText(b);

    /// <summary>A recorded input as comparable text: nested lists and maps written out in order.</summary>
    private static string InputText(object? value) => value switch
    {
        null => "null",
        System.Collections.Immutable.ImmutableArray<object> list => "[" + string.Join(",", list.Select(InputText)) + "]",
        System.Collections.Immutable.ImmutableDictionary<string, object> map => "{" + string.Join(",", map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{InputText(e.Value)}")) + "}",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
