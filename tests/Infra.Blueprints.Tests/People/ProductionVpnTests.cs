using Infra.Blueprints.People;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.People;

/// <summary>Production networks go to the on-call rotas (platform's, each team's onCallRota) or a grant, never to a whole team by default.</summary>
public sealed class ProductionVpnTests
{
    private const string PaymentsVpn = "        - { group: bank/payments, access: maintainer }\n        - { group: bank/shared-libraries, access: developer }\n      vpn: [10.40.0.0/16, 10.41.0.0/16]\n";

    private const string PaymentsTeam = "    costCenter: CC-2310\n";

    [Fact]
    public void No_developer_team_reaches_production_over_the_vpn_only_its_on_call_rota()
    {
        var production = Roster.Production;

        var vpn = AccessCalculator.Calculate(production, Roster.Today).Entries.Where(e => e.System == "vpn").ToList();

        Assert.All(vpn, e => Assert.True(e.Teams.SequenceEqual(["platform"]) || e.Teams.All(PeopleNames.IsOnCallRota), $"{e.Person} reaches {e.Resource} through {e.Why}"));
        Assert.DoesNotContain(vpn, e => e.Person == "hlambert");
    }

    [Theory]
    [InlineData("production")]
    [InlineData("staging")]
    public void The_on_call_rotas_of_payments_core_banking_and_cards_reach_every_network_of_the_stack_ireland_included(string stack)
    {
        var definition = Roster.Load(stack);
        var networks = definition.Networks.Select(n => n.Cidr.ToString()).Order(StringComparer.Ordinal).ToList();
        var access = AccessCalculator.Calculate(definition, Roster.Today).Entries;
        var rules = PeopleAccessBlueprints.For(definition, Roster.Today).VpnAuthorizations;

        Assert.Contains(stack == "production" ? "10.61.0.0/16" : "10.41.0.0/16", networks);
        foreach (var team in definition.Catalog.Teams.Where(t => t.Id is "payments" or "core-banking" or "cards"))
        {
            Assert.NotEmpty(team.OnCallRota);
            foreach (var person in team.OnCallRota)
            {
                Assert.Equal(networks, access.Where(e => e.Person == person && e.System == "vpn").Select(e => e.Resource).Order(StringComparer.Ordinal));
                // Where no team rule already opens the network (all of production), the member's own group gets one.
                Assert.All(networks, n => Assert.Contains(rules, r => r.Network == n && (r.AccessGroup == PeopleNames.VpnPersonGroup(person)
                    || definition.Catalog.People.Single(p => p.Id == person).Teams.Select(PeopleNames.VpnAccessGroup).Contains(r.AccessGroup))));
            }
        }
        if (stack == "production")
        {
            var onCall = rules.Where(r => r.Owner == "oncall-cmartin" && r.Network == "10.61.0.0/16").ToList();
            Assert.Equal(["eu-west-1", "eu-west-3"], onCall.Select(r => r.Region).Order(StringComparer.Ordinal));
            Assert.All(onCall, rule => Assert.Equal(("person-cmartin", "cmartin reaches 10.61.0.0/16 (team payments on-call rota)"), (rule.AccessGroup, rule.Description)));
        }
    }

    [Fact]
    public void A_rota_member_who_leaves_the_team_keeps_no_route_and_the_rota_says_so_as_a_warning()
    {
        using var copy = new RepositoryCopy().Edit(Files.Teams, "onCallRota: [cmartin, slefebvre]", "onCallRota: [cmartin, cbernard]");

        var production = copy.Loader.LoadFromFiles("production");

        Assert.DoesNotContain(production.Diagnostics, d => d.IsError);
        var warning = Assert.Single(production.Diagnostics, d => !d.IsError && d.KeyPath == "teams[1].onCallRota[1]");
        Assert.Contains("'cbernard' is on the on-call rota of 'payments' but not a member of it", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessCalculator.Calculate(production.Definition!, Roster.Today).Entries, e => e.Person == "cbernard" && e.System == "vpn");
    }

    [Fact]
    public void An_unknown_person_on_a_rota_is_a_warning_at_the_item_and_reaches_nothing()
    {
        using var copy = new RepositoryCopy().Edit(Files.Teams, "onCallRota: [cmartin, slefebvre]", "onCallRota: [cmartin, nobody]");

        var production = copy.Loader.LoadFromFiles("production");

        Assert.DoesNotContain(production.Diagnostics, d => d.IsError);
        var warning = Assert.Single(production.Diagnostics, d => d.KeyPath == "teams[1].onCallRota[1]");
        Assert.Equal(Files.Teams, warning.File);
        Assert.Contains("'nobody' is on the on-call rota of 'payments' but is no person of people.yaml", warning.Message, StringComparison.Ordinal);
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
