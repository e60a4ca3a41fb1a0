using Infra.Blueprints.Definition;
using Infra.Blueprints.People;

namespace Infra.Blueprints.Tests.People;

/// <summary>The security decisions of people's access, as the blueprint holds them for the component to map.</summary>
public sealed class PeopleAccessBlueprintsTests
{
    private static readonly PeopleAccessBlueprint Production = PeopleAccessBlueprints.For(Roster.Production, Roster.Today);

    [Fact]
    public void The_vpn_role_signs_only_the_callers_own_name_for_client_use_for_a_week_at_most()
    {
        var role = Production.VpnRole;

        Assert.Equal(("{{identity.entity.name}}.vpn.production.internal", true), (role.AllowedDomain, role.AllowedDomainsTemplate));
        Assert.True(role.AllowBareDomains);
        Assert.False(role.AllowSubdomains);
        Assert.False(role.AllowGlobDomains);
        Assert.False(role.AllowAnyName);
        Assert.False(role.AllowIpSans);
        Assert.False(role.AllowLocalhost);
        Assert.True(role.EnforceHostnames);
        Assert.True(role.RequireCn);
        Assert.False(role.UseCsrCommonName);
        Assert.False(role.UseCsrSans);
        Assert.False(role.ServerFlag);
        Assert.True(role.ClientFlag);
        Assert.Equal(["ClientAuth"], role.ExtKeyUsages);
        Assert.Equal(("rsa", 2048), (role.KeyType, role.KeyBits));
        Assert.True(role.MaxTtlSeconds <= 7 * 24 * 3600 && role.TtlSeconds <= role.MaxTtlSeconds);
        Assert.False(role.NoStore);
    }

    [Fact]
    public void Vpn_certificates_come_from_their_own_ca_not_the_services_one()
    {
        var pki = Production.VpnPki;

        Assert.Equal(("pki-vpn", "pki", "internal"), (pki.Mount.Path, pki.Mount.Type, pki.RootType));
        Assert.NotEqual(Infra.Blueprints.Vault.VaultNames.PkiMount, pki.Mount.Path);
        Assert.NotEqual(Infra.Blueprints.Vault.VaultNames.ServicesIssuer, pki.IssuerName);
        Assert.Equal((pki.Mount.Path, pki.IssuerName), (Production.VpnRole.Mount, Production.VpnRole.IssuerRef));
        Assert.True(pki.Protect);
    }

    [Fact]
    public void Exactly_the_people_with_a_vpn_network_in_the_stack_may_sign_and_only_through_the_role()
    {
        var withVpn = AccessCalculator.Calculate(Roster.Production, PersonDefinition.StartOf(Roster.Today)).Entries
            .Where(e => e.System == AccessSystems.Vpn).Select(e => e.Person).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(withVpn, Production.VpnCertificateSigners);
        Assert.Contains(Production.Identities, i => !i.Disabled && !Production.VpnCertificateSigners.Contains(i.Person));
        var rule = Assert.Single(Production.VpnCertificatePolicy.Rules);
        Assert.Equal("pki-vpn/sign/vpn-client", rule.Path);
        Assert.Equal([VaultCapability.Update], rule.Capabilities);
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
