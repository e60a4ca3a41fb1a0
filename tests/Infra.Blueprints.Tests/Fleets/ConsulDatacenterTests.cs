using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;

namespace Infra.Blueprints.Tests.Fleets;

/// <summary>
/// Each region's fleets join the Consul datacenter of their region (Ireland's own, <c>infra:networks.eu-west-1.consul</c>),
/// so the warm standby registers and resolves names there when Paris and its datacenter are lost (issue 16, finding 12).
/// </summary>
public sealed class ConsulDatacenterTests
{
    [Theory]
    [InlineData("staging", "stg-par", "stg-dub")]
    [InlineData("production", "prd-par", "prd-dub")]
    public void Each_regions_fleet_joins_the_datacenter_of_its_region(string stack, string paris, string ireland)
    {
        var fleets = FleetBlueprints.For(RepositoryDefinitions.Load(stack));

        foreach (var fleet in fleets)
        {
            var datacenter = fleet.Region == "eu-west-1" ? ireland : paris;
            Assert.Equal(datacenter, fleet.Consul.Join.Datacenter);
            Assert.Equal($"provider=aws region={fleet.Region} tag_key=consul-server tag_value={datacenter}", fleet.Consul.Join.RetryJoin);
            Assert.Contains($"datacenter = \"{datacenter}\"", fleet.LaunchTemplate.UserData, StringComparison.Ordinal);
            Assert.Contains($"tag_value={datacenter}\"]", fleet.LaunchTemplate.UserData, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_region_switch_moves_no_fleet_to_another_datacenter()
    {
        var definition = RepositoryDefinitions.Load("production");
        var flipped = definition with { Regions = definition.Regions with { Primary = definition.Regions.Secondary, Secondary = definition.Regions.Primary } };

        var before = FleetBlueprints.For(definition).ToDictionary(f => f.Name, f => f.Consul.Join);
        var after = FleetBlueprints.For(flipped).ToDictionary(f => f.Name, f => f.Consul.Join);

        Assert.Equal(before, after);
    }

    [Fact]
    public void A_region_without_a_datacenter_of_its_own_is_served_by_the_stacks()
    {
        var definition = RepositoryDefinitions.Load("staging");
        var single = definition with { Networks = definition.Networks.Select(n => n with { Consul = null }).ToEquatableList() };

        Assert.All(FleetBlueprints.For(single), f => Assert.Equal("stg-par", f.Consul.Join.Datacenter));
        Assert.Equal([new RegionConsul(new Uri("https://consul.stg-par.example-bank.eu"), "stg-par")], ConsulDatacenters.All(single));
        Assert.Equal(["stg-par", "stg-dub"], ConsulDatacenters.All(definition).Select(c => c.Datacenter));
    }
}
