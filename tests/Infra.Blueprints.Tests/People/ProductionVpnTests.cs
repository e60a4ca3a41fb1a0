using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.People;

/// <summary>Production networks go to the on-call rota (platform) or a grant, never to a whole team by default.</summary>
public sealed class ProductionVpnTests
{
    private const string PaymentsVpn = "        - { group: bank/payments, access: maintainer }\n        - { group: bank/shared-libraries, access: developer }\n      vpn: [10.40.0.0/16, 10.41.0.0/16]\n";

    private const string PaymentsTeam = "    costCenter: CC-2310\n";

    [Fact]
    public void No_developer_team_reaches_production_over_the_vpn()
    {
        var production = Roster.Production;

        var vpn = Infra.Blueprints.People.AccessCalculator.Calculate(production, Roster.Today).Entries.Where(e => e.System == "vpn").ToList();

        Assert.All(vpn, e => Assert.Equal(["platform"], e.Teams));
    }

    [Theory]
    [InlineData("production", "10.60.0.0/16", "10.61.0.0/16")]
    [InlineData("staging", "10.40.0.0/16", "10.41.0.0/16")]
    public void The_on_call_rota_reaches_every_region_of_the_stack_the_secondary_included(string stack, string primary, string secondary)
    {
        var definition = Roster.Load(stack);

        var routes = Infra.Blueprints.People.PeopleAccessBlueprints.For(definition, Roster.Today).VpnAuthorizations.Where(r => r.Owner == "platform").Select(r => r.Network).ToList();

        Assert.Equal([primary, secondary], definition.Networks.Select(n => n.Cidr.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal([primary, secondary], routes);
    }

    [Fact]
    public void A_team_wide_production_route_is_refused_at_its_vpn_item()
    {
        using var copy = new RepositoryCopy().Edit(Files.Teams, PaymentsVpn, PaymentsVpn.Replace("10.41.0.0/16]", "10.41.0.0/16, 10.60.0.0/18]", StringComparison.Ordinal));

        var production = copy.Loader.LoadFromFiles("production");
        var staging = copy.Loader.LoadFromFiles("staging");

        var error = Assert.Single(production.Diagnostics, d => d.IsError);
        Assert.Equal((Files.Teams, "teams[1].entitlements.vpn[2]"), (error.File, error.KeyPath));
        Assert.Contains("10.60.0.0/18 reaches the production networks", error.Message, StringComparison.Ordinal);
        Assert.Contains("productionVpnException", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(staging.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void A_reviewed_exception_allows_a_team_wide_production_route()
    {
        using var copy = new RepositoryCopy()
            .Edit(Files.Teams, PaymentsVpn, PaymentsVpn.Replace("10.41.0.0/16]", "10.41.0.0/16, 10.60.0.0/18]", StringComparison.Ordinal))
            .Edit(Files.Teams, PaymentsTeam, PaymentsTeam + "    productionVpnException: CHG-10400 settlement cut-over week, approved by the CISO\n");

        var production = copy.Loader.LoadFromFiles("production");

        Assert.DoesNotContain(production.Diagnostics, d => d.IsError);
        Assert.Equal("CHG-10400 settlement cut-over week, approved by the CISO", production.Definition!.Catalog.Teams.Single(t => t.Id == "payments").ProductionVpnException);
    }
}
