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
        Assert.False(role.AllowIpSans);
        Assert.False(role.AllowLocalhost);
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

    [Fact]
    public void No_consul_policy_of_people_writes_service_registrations()
    {
        var write = Assert.Single(Production.ConsulPolicies, p => p.Level == "write");

        Assert.Contains("service_prefix \"\" {\n  policy = \"read\"\n}", write.Rules, StringComparison.Ordinal);
        Assert.Contains("key_prefix \"\" {\n  policy = \"write\"\n}", write.Rules, StringComparison.Ordinal);
        Assert.All(Production.ConsulPolicies, p => Assert.DoesNotContain("service_prefix \"\" {\n  policy = \"write\"", p.Rules, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-11-22T09:00:00Z", "2026-11-30T00:00:00Z")] // a Sunday: the week began on Monday 16th
    [InlineData("2026-11-23T01:00:00Z", "2026-12-07T00:00:00Z")] // the Monday after: a new token for two weeks
    public void Consul_tokens_expire_two_weeks_after_the_monday_of_the_run(string at, string expires)
    {
        var blueprint = PeopleAccessBlueprints.For(Roster.Production, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expires, System.Globalization.CultureInfo.InvariantCulture), blueprint.ConsulTokens.Single(t => t.Person == "adupont").ExpiresAt);
    }

    [Fact]
    public void A_consul_token_never_outlives_the_access_of_its_person()
    {
        var terminated = Roster.Person("amy", new DateOnly(2020, 1, 1), new DateOnly(2026, 11, 24), team: "platform") with { EndsAt = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero) };

        var token = Assert.Single(PeopleAccessBlueprints.For(Roster.Production.With(terminated), Roster.Today).ConsulTokens);

        Assert.Equal(terminated.EndsAt, token.ExpiresAt);
    }

    [Fact]
    public void A_leavers_entity_is_disabled_from_the_instant_access_ends_until_no_token_of_theirs_can_live_then_removed()
    {
        var leftAt = new DateTimeOffset(2026, 12, 2, 15, 30, 0, TimeSpan.Zero);
        var definition = Roster.Production.With(
            Roster.Person("jdoe", new DateOnly(2024, 1, 8), new DateOnly(2026, 12, 2)) with { EndsAt = leftAt },
            Roster.Person("amy", new DateOnly(2024, 1, 8)));

        Entity(definition, leftAt.AddSeconds(-1), e => Assert.False(e!.Disabled));
        Entity(definition, leftAt, e =>
        {
            Assert.True(e!.Disabled);
            Assert.Empty(e.Policies);
        });
        Entity(definition, leftAt + PeopleAccessBlueprints.LeaverEntityKept - TimeSpan.FromSeconds(1), e => Assert.True(e!.Disabled));
        Entity(definition, leftAt + PeopleAccessBlueprints.LeaverEntityKept, Assert.Null);
        Assert.DoesNotContain("jdoe", PeopleAccessBlueprints.For(definition, leftAt).TeamGroups.SelectMany(g => g.Members));
    }

    private static void Entity(Infra.Blueprints.Definition.StackDefinition definition, DateTimeOffset at, Action<VaultIdentityBlueprint?> check) =>
        check(PeopleAccessBlueprints.For(definition, at).Identities.SingleOrDefault(i => i.Person == "jdoe"));
}
