using Infra.Blueprints.People;

namespace Infra.Blueprints.Tests.People;

/// <summary>
/// The stack's Client VPN endpoint in each region carries the same authorization rules, so that the on-call people who reach
/// a network through Paris's endpoint reach it through Ireland's when Paris is lost (issue 16, finding 12).
/// </summary>
public sealed class VpnEndpointsTests
{
    [Theory]
    [InlineData("production")]
    [InlineData("staging")]
    public void The_stack_has_an_endpoint_tagged_vpn_stack_in_the_primary_and_the_secondary_region(string stack)
    {
        var definition = Roster.Load(stack);

        var endpoints = PeopleAccessBlueprints.For(definition, Roster.Today).VpnEndpoints;

        Assert.Equal([new VpnEndpointBlueprint("eu-west-3", $"vpn-{stack}"), new VpnEndpointBlueprint("eu-west-1", $"vpn-{stack}")], endpoints);
    }

    [Theory]
    [InlineData("production")]
    [InlineData("staging")]
    public void Every_endpoint_carries_the_same_rules_for_the_same_groups_and_networks(string stack)
    {
        var rules = PeopleAccessBlueprints.For(Roster.Load(stack), Roster.Today).VpnAuthorizations;

        var paris = rules.Where(r => r.Region == "eu-west-3").Select(r => (r.Owner, r.Network, r.AccessGroup, r.Description)).ToList();
        var ireland = rules.Where(r => r.Region == "eu-west-1").Select(r => (r.Owner, r.Network, r.AccessGroup, r.Description)).ToList();

        Assert.NotEmpty(paris);
        Assert.Equal(paris, ireland);
        Assert.Equal(rules.Count, paris.Count + ireland.Count);
        Assert.Equal(rules.Count, rules.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_on_call_rotas_reach_the_ireland_range_through_the_ireland_endpoint()
    {
        var definition = Roster.Production;
        var rules = PeopleAccessBlueprints.For(definition, Roster.Today).VpnAuthorizations.Where(r => r.Region == "eu-west-1" && r.Network == "10.61.0.0/16").ToList();

        foreach (var team in definition.Catalog.Teams.Where(t => t.Id is "payments" or "core-banking" or "cards"))
        {
            Assert.All(team.OnCallRota, person => Assert.Contains(rules, r => r.AccessGroup == PeopleNames.VpnPersonGroup(person)));
        }
        Assert.Contains(rules, r => r.AccessGroup == PeopleNames.VpnAccessGroup("platform"));
    }

    [Fact]
    public void Only_the_primary_regions_rules_carry_their_former_name_and_a_region_switch_renames_no_rule()
    {
        var definition = Roster.Production;
        var flipped = definition with { Regions = definition.Regions with { Primary = definition.Regions.Secondary, Secondary = definition.Regions.Primary } };

        var before = PeopleAccessBlueprints.For(definition, Roster.Today).VpnAuthorizations;
        var after = PeopleAccessBlueprints.For(flipped, Roster.Today).VpnAuthorizations;

        Assert.All(before, r => Assert.Equal(r.Region == "eu-west-3" ? $"{r.Owner}-{r.Network.Replace('/', '-')}" : null, r.FormerKey));
        Assert.Equal("eu-west-1-platform-10.61.0.0-16", before.Single(r => r.Region == "eu-west-1" && r.Owner == "platform" && r.Network == "10.61.0.0/16").Key);
        Assert.Equal(before.Select(r => r.Key).Order(StringComparer.Ordinal), after.Select(r => r.Key).Order(StringComparer.Ordinal));
    }
}
