using Infra.Blueprints.Definition;
using Infra.Blueprints.People;

namespace Infra.Blueprints.Tests.People;

/// <summary>Every kind of temporary grant is a resource while it is in force, and the report says exactly what the resources grant.</summary>
public sealed class TemporaryGrantTests
{
    private static readonly DateOnly Start = new(2026, 11, 20);
    private static readonly DateOnly Expires = new(2026, 11, 26);
    private static readonly DateTimeOffset EndsAt = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private static readonly PersonDefinition Approver = Roster.Person("adupont", new DateOnly(2016, 9, 5), team: "platform") with { Approvals = [new("platform", "lpetit", new DateOnly(2026, 12, 6))] };

    private static TemporaryGrant Grant(string system, string access, string approver = "adupont") =>
        new(system, access, "INC-1 settlement mismatch", approver, Start, Expires);

    private static StackDefinition Production(params TemporaryGrant[] grants) =>
        Roster.Production.With(Roster.Person("jdoe", new DateOnly(2024, 1, 8), grants: grants), Approver);

    [Fact]
    public void A_database_grant_is_a_vault_role_only_the_persons_entity_may_read_until_the_grant_ends()
    {
        var definition = Production(Grant("database/ledger-db", "write"));

        var during = PeopleAccessBlueprints.For(definition, EndsAt.AddSeconds(-1));
        var after = PeopleAccessBlueprints.For(definition, EndsAt);

        var role = Assert.Single(during.DatabaseGrants);
        Assert.Equal(("jdoe", "ledger-db", "write", "ledger-db-grant-jdoe-write", "ledger-db"), (role.Person, role.Database, role.Access, role.RoleName, role.Connection));
        Assert.Equal(EndsAt, role.EndsAt);
        Assert.Contains(role.CreationStatements, s => s.Contains("IF now() >= TIMESTAMPTZ '2026-11-27 00:00:00+00' THEN RAISE EXCEPTION", StringComparison.Ordinal));
        Assert.Contains(role.CreationStatements, s => s.Contains("VALID UNTIL '2026-11-27 00:00:00+00'", StringComparison.Ordinal));
        Assert.Contains("GRANT \"ledger_db_write\" TO \"{{name}}\";", role.CreationStatements);
        var policy = Assert.Single(during.GrantPolicies);
        Assert.Equal("grant-jdoe", policy.Name);
        Assert.Equal(["database/creds/ledger-db-grant-jdoe-write"], policy.Rules.Select(r => r.Path));
        Assert.Equal([VaultCapability.Read], policy.Rules.Single().Capabilities);
        Assert.Equal(["grant-jdoe"], during.Identities.Single(i => i.Person == "jdoe").Policies);
        Assert.DoesNotContain(during.Identities.Single(i => i.Person == "adupont").Policies, p => p.StartsWith("grant-", StringComparison.Ordinal));

        Assert.Empty(after.DatabaseGrants);
        Assert.Empty(after.GrantPolicies);
        Assert.DoesNotContain(after.Identities.Single(i => i.Person == "jdoe").Policies, p => p.StartsWith("grant-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gitlab_grant_raises_the_membership_until_the_day_after_it_ends_then_the_team_level_comes_back()
    {
        var definition = Production(Grant("gitlab/bank/payments", "maintainer"), Grant("gitlab/bank/cards", "reporter"));

        var during = PeopleAccessBlueprints.For(definition, EndsAt.AddSeconds(-1)).GitLabMemberships.Where(m => m.Person == "jdoe").ToList();
        var after = PeopleAccessBlueprints.For(definition, EndsAt).GitLabMemberships.Where(m => m.Person == "jdoe").ToList();

        Assert.Contains(new GitLabMembershipBlueprint("jdoe", "bank/payments", GitLabAccessLevel.Maintainer, null), during); // the team's maintainer already: no expiry
        Assert.Contains(new GitLabMembershipBlueprint("jdoe", "bank/cards", GitLabAccessLevel.Reporter, Expires.AddDays(1)), during);
        Assert.Single(during, m => m.Group == "bank/payments");
        Assert.DoesNotContain(after, m => m.Group == "bank/cards");
    }

    [Fact]
    public void A_gitlab_grant_above_the_team_level_expires_with_the_grant()
    {
        var definition = Production(Grant("gitlab/bank/shared-libraries", "maintainer"));

        var during = PeopleAccessBlueprints.For(definition, EndsAt.AddSeconds(-1)).GitLabMemberships.Single(m => m.Person == "jdoe" && m.Group == "bank/shared-libraries");
        var after = PeopleAccessBlueprints.For(definition, EndsAt).GitLabMemberships.Single(m => m.Person == "jdoe" && m.Group == "bank/shared-libraries");

        Assert.Equal((GitLabAccessLevel.Maintainer, Expires.AddDays(1)), (during.Access, during.ExpiresAt));
        Assert.Equal((GitLabAccessLevel.Developer, (DateOnly?)null), (after.Access, after.ExpiresAt));
    }

    [Fact]
    public void A_vpn_grant_is_a_rule_for_the_persons_own_group_on_each_regions_endpoint_of_the_stack_it_reaches()
    {
        var grant = Grant("vpn/10.60.32.0/20", "connect");

        var during = PeopleAccessBlueprints.For(Production(grant), EndsAt.AddSeconds(-1));
        var staging = PeopleAccessBlueprints.For(Roster.Staging.With(Roster.Person("jdoe", new DateOnly(2024, 1, 8), grants: grant), Approver), EndsAt.AddSeconds(-1));
        var after = PeopleAccessBlueprints.For(Production(grant), EndsAt);

        var rules = during.VpnAuthorizations.Where(r => r.Owner == "grant-jdoe").ToList();
        Assert.Equal(["eu-west-1", "eu-west-3"], rules.Select(r => r.Region).Order(StringComparer.Ordinal));
        Assert.All(rules, rule => Assert.Equal(("10.60.32.0/20", "person-jdoe"), (rule.Network, rule.AccessGroup)));
        Assert.Contains("jdoe", during.VpnCertificateSigners);
        Assert.DoesNotContain(staging.VpnAuthorizations, r => r.Owner == "grant-jdoe");
        Assert.DoesNotContain(after.VpnAuthorizations, r => r.Owner == "grant-jdoe");
        Assert.DoesNotContain("jdoe", after.VpnCertificateSigners);
    }

    [Fact]
    public void A_consul_grant_raises_the_token_of_its_stack_and_the_token_expires_with_the_grant()
    {
        var grant = Grant("consul/production", "write");

        var during = PeopleAccessBlueprints.For(Production(grant), EndsAt.AddDays(-2));
        var staging = PeopleAccessBlueprints.For(Roster.Staging.With(Roster.Person("jdoe", new DateOnly(2024, 1, 8), grants: grant), Approver), EndsAt.AddDays(-2));
        var after = PeopleAccessBlueprints.For(Production(grant), EndsAt);

        var token = during.ConsulTokens.Single(t => t.Person == "jdoe");
        Assert.Equal(("people-write", EndsAt), (token.Policy, token.ExpiresAt));
        Assert.Equal("people-read", staging.ConsulTokens.Single(t => t.Person == "jdoe").Policy);
        Assert.Equal("people-read", after.ConsulTokens.Single(t => t.Person == "jdoe").Policy);
    }

    [Fact]
    public void A_session_grant_opens_session_managers_channel_on_its_fleet_in_its_stack_only_until_the_grant_ends()
    {
        var grant = Grant("session/production/ledger", "shell");

        var during = PeopleAccessBlueprints.For(Production(grant), EndsAt.AddSeconds(-1));
        var staging = PeopleAccessBlueprints.For(Roster.Staging.With(Roster.Person("jdoe", new DateOnly(2024, 1, 8), grants: grant), Approver), EndsAt.AddSeconds(-1));
        var after = PeopleAccessBlueprints.For(Production(grant), EndsAt);

        // The service's fleet in each region, as the fleets are named, each opened in its own region only.
        Assert.Equal(Infra.Blueprints.Fleets.FleetBlueprints.For(Roster.Production).Where(f => f.Service == "ledger").Select(f => (f.Name, f.Region)).Order(),
            during.SessionGrants.Select(g => (g.Fleet, g.Region)).Order());
        Assert.All(during.SessionGrants, session =>
        {
            Assert.Equal(("jdoe", "ledger", "session-grant-jdoe", EndsAt), (session.Person, session.Service, session.PolicyName, session.EndsAt));
            using var policy = System.Text.Json.JsonDocument.Parse(session.Policy);
            var statement = Assert.Single(policy.RootElement.GetProperty("Statement").EnumerateArray());
            Assert.Equal(Infra.Blueprints.Fleets.SsmAgentPermissions.SessionChannelActions, statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal("2026-11-27T00:00:00Z", statement.GetProperty("Condition").GetProperty("DateLessThan").GetProperty("aws:CurrentTime")[0].GetString());
            Assert.Equal(session.Region, statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:RequestedRegion")[0].GetString());
        });
        Assert.Empty(staging.SessionGrants);
        Assert.Empty(after.SessionGrants);
        Assert.Contains(AccessCalculator.Calculate(Production(grant), EndsAt.AddSeconds(-1)).Entries,
            e => e is { Person: "jdoe", System: GrantKinds.Session, Resource: "ledger", Level: "shell" } && e.Grant == grant);
    }

    [Fact]
    public void A_session_grant_ends_when_the_persons_access_ends_first()
    {
        var leftAt = new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
        var definition = Production(Grant("session/production/ledger", "shell"));
        definition = definition.With(definition.Catalog.People.Select(p => p.Id == "jdoe" ? p with { End = new DateOnly(2026, 11, 23), EndsAt = leftAt } : p).ToArray());

        var before = PeopleAccessBlueprints.For(definition, leftAt.AddSeconds(-1)).SessionGrants;
        Assert.NotEmpty(before);
        Assert.All(before, g => Assert.Equal(leftAt, g.EndsAt));
        Assert.Empty(PeopleAccessBlueprints.For(definition, leftAt).SessionGrants);
    }

    [Fact]
    public void A_grant_stops_when_its_approver_leaves_and_that_loss_is_never_held_back_by_the_removal_limit()
    {
        var leftAt = new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
        var definition = Production(Grant("database/ledger-db", "read"));
        definition = definition.With(definition.Catalog.People.Select(p => p.Id == "adupont" ? p with { End = new DateOnly(2026, 11, 23), EndsAt = leftAt } : p).ToArray());

        var before = AccessCalculator.Calculate(definition, leftAt.AddSeconds(-1));
        var after = AccessCalculator.Calculate(definition, leftAt);

        Assert.Equal(new DateOnly(2026, 11, 23), before.Entries.Single(e => e.Grant is not null).Until);
        Assert.DoesNotContain(after.Entries, e => e.Grant is not null);
        Assert.Empty(PeopleAccessBlueprints.For(definition, leftAt).DatabaseGrants);
        Assert.Equal(leftAt, PeopleAccessBlueprints.For(definition, leftAt.AddSeconds(-1)).DatabaseGrants.Single().EndsAt);
        Assert.Empty(AccessDiff.Between(before, after).PeopleLosingAccessUnscheduled);
    }

    [Fact]
    public void An_approver_who_had_not_started_when_the_grant_starts_is_refused()
    {
        var late = Roster.Person("adupont", Start.AddDays(1), team: "core-banking");
        var text = PeopleYaml.Write([Roster.Person("jdoe", new DateOnly(2024, 1, 8), grants: Grant("database/ledger-db", "read")), late]);

        var errors = PeopleCatalogChecks.Validate(text, Roster.Staging.Catalog.Teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal), AccessApprovers.Of(Roster.Staging));

        var error = Assert.Single(errors, e => e.IsError);
        Assert.Equal("people[1].grants[0].approver", error.KeyPath);
        Assert.Contains("'adupont' starts on 2026-11-21, after the grant's start 2026-11-20", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-18T00:00:00Z")]
    [InlineData("2026-11-22T09:00:00Z")]
    [InlineData("2026-11-24T23:59:59Z")]
    [InlineData("2026-11-25T00:00:00Z")]
    [InlineData("2026-12-04T12:00:00Z")]
    [InlineData("2026-12-05T00:00:00Z")]
    public void The_report_lists_a_grant_exactly_when_the_blueprint_holds_its_resource(string at)
    {
        var instant = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var definition in new[] { Roster.Staging, Roster.Production })
        {
            var reported = AccessCalculator.Calculate(definition, instant).Entries.Where(e => e.Grant is not null && e.System == GrantKinds.Database)
                .Select(e => (e.Person, e.Resource, e.Level)).Order().ToList();
            var provisioned = PeopleAccessBlueprints.For(definition, instant).DatabaseGrants.Select(g => (g.Person, g.Database, g.Access)).Order().ToList();

            Assert.Equal(reported, provisioned);
        }
    }
}
