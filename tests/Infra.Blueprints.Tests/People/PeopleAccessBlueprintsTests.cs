using Infra.Blueprints.People;

namespace Infra.Blueprints.Tests.People;

/// <summary>The security decisions of people's access, as the blueprint holds them for the component to map.</summary>
public sealed class PeopleAccessBlueprintsTests
{
    private static readonly PeopleAccessBlueprint Production = PeopleAccessBlueprints.For(Roster.Production, Roster.Today);

    [Fact]
    public void The_vpn_role_issues_only_client_certificates_for_names_below_the_vpn_domain()
    {
        var role = Production.VpnRole;

        Assert.False(role.AllowBareDomains);
        Assert.True(role.AllowSubdomains);
        Assert.False(role.AllowAnyName);
        Assert.True(role.EnforceHostnames);
        Assert.False(role.ServerFlag);
        Assert.True(role.ClientFlag);
    }

    [Fact]
    public void Vpn_certificates_are_renewed_while_access_lasts_and_revoked_when_it_ends()
    {
        Assert.NotEmpty(Production.VpnCertificates);
        Assert.All(Production.VpnCertificates, c =>
        {
            Assert.True(c.AutoRenew);
            Assert.True(c.Revoke);
        });
    }

    [Fact]
    public void Team_groups_are_internal_with_members_set_by_this_program()
    {
        Assert.NotEmpty(Production.TeamGroups);
        Assert.All(Production.TeamGroups, g => Assert.Equal("internal", g.Type));
    }

    [Fact]
    public void Consul_tokens_are_global()
    {
        Assert.NotEmpty(Production.ConsulTokens);
        Assert.All(Production.ConsulTokens, t => Assert.False(t.Local));
    }
}
