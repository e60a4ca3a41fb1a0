using Infra.Blueprints.Definition;
using Infra.Blueprints.People;

namespace Infra.Blueprints.Tests.People;

public sealed class AccessCalculatorTests
{
    private static readonly DateOnly Today = Roster.Today;

    [Theory]
    [InlineData(0, null, true)]    // starts today
    [InlineData(1, null, false)]   // starts tomorrow
    [InlineData(-10, 0, true)]     // ends today: the end day is the last day of access
    [InlineData(-10, -1, false)]   // ended yesterday
    public void Access_runs_from_the_start_day_to_the_end_day_both_included(int startOffset, int? endOffset, bool hasAccess)
    {
        var person = Roster.Person("jdoe", Today.AddDays(startOffset), endOffset is { } e ? Today.AddDays(e) : null);

        var snapshot = AccessCalculator.Calculate(Roster.Staging.With(person), Today);

        Assert.Equal(hasAccess, snapshot.Entries.Any(x => x.Person == "jdoe"));
    }

    [Fact]
    public void A_contract_ending_on_a_leap_day_lasts_through_it()
    {
        var leapDay = new DateOnly(2028, 2, 29);
        var definition = Roster.Staging.With(Roster.Person("jdoe", new DateOnly(2027, 3, 1), leapDay, contract: ContractKind.Contractor));

        Assert.NotEmpty(AccessCalculator.Calculate(definition, leapDay).Entries);
        Assert.Empty(AccessCalculator.Calculate(definition, leapDay.AddDays(1)).Entries);
        Assert.All(AccessCalculator.Calculate(definition, leapDay).Entries, e => Assert.Equal(leapDay, e.Until));
    }

    [Fact]
    public void Team_access_lists_every_system_with_the_team_as_the_reason_and_the_end_as_the_limit()
    {
        var end = Today.AddDays(100);
        var snapshot = AccessCalculator.Calculate(Roster.Staging.With(Roster.Person("jdoe", Today, end)), Today);

        Assert.Equal(
            [
                ("consul", "person-jdoe", "read"),
                ("gitlab", "bank/payments", "maintainer"),
                ("gitlab", "bank/shared-libraries", "developer"),
                ("vault", "team-payments", "policy"),
                ("vpn", "10.40.0.0/16", "connect"),
                ("vpn", "10.41.0.0/16", "connect"),
            ],
            snapshot.Entries.Select(e => (e.System, e.Resource, e.Level)));
        Assert.All(snapshot.Entries, e => Assert.Equal("team payments", e.Why));
        Assert.All(snapshot.Entries, e => Assert.Equal(end, e.Until));
    }

    [Fact]
    public void Vpn_networks_of_another_environment_are_left_out()
    {
        var person = Roster.Person("jdoe", Today, team: "platform");

        var staging = AccessCalculator.Calculate(Roster.Staging.With(person), Today).Entries.Where(e => e.System == "vpn").Select(e => e.Resource);
        var production = AccessCalculator.Calculate(Roster.Production.With(person), Today).Entries.Where(e => e.System == "vpn").Select(e => e.Resource);

        Assert.Equal(["10.40.0.0/16", "10.41.0.0/16"], staging);
        Assert.Equal(["10.60.0.0/16", "10.61.0.0/16"], production);
    }

    [Fact]
    public void Two_teams_giving_one_group_give_the_higher_level_and_both_reasons()
    {
        var person = Roster.Person("jdoe", Today) with { Teams = ["back-office", "payments"] };

        var payments = AccessCalculator.Calculate(Roster.Staging.With(person), Today).Entries.Single(e => e.Resource == "bank/payments");

        Assert.Equal("maintainer", payments.Level);
        Assert.Equal("teams back-office, payments", payments.Why);
    }

    [Fact]
    public void A_team_without_consul_access_gives_no_token()
    {
        var person = Roster.Person("jdoe", Today, team: "customer-comms");

        Assert.DoesNotContain(AccessCalculator.Calculate(Roster.Staging.With(person), Today).Entries, e => e.System == "consul");
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void A_grant_counts_from_its_start_to_its_expiry_day(int dayOffset, bool active)
    {
        var grant = new TemporaryGrant("database/payments-db", "read", "INC-1 settlement mismatch", "adupont", Today, Today.AddDays(7));
        var definition = Roster.Staging.With(Roster.Person("jdoe", Today.AddDays(-100), grants: grant), Roster.Person("adupont", Today.AddDays(-100), team: "platform"));

        var entries = AccessCalculator.Calculate(definition, Today.AddDays(dayOffset)).Entries.Where(e => e.Grant is not null).ToList();

        Assert.Equal(active, entries.Count == 1);
    }

    [Fact]
    public void A_grant_ends_with_the_person_and_says_who_approved_it()
    {
        var grant = new TemporaryGrant("database/payments-db", "read", "INC-1 settlement mismatch", "adupont", Today, Today.AddDays(20));
        var definition = Roster.Staging.With(Roster.Person("jdoe", Today.AddDays(-100), Today.AddDays(5), grants: grant), Roster.Person("adupont", Today.AddDays(-100), team: "platform"));

        var entry = AccessCalculator.Calculate(definition, Today).Entries.Single(e => e.Grant is not null);

        Assert.Equal(("database", "payments-db", "read"), (entry.System, entry.Resource, entry.Level));
        Assert.Equal(Today.AddDays(5), entry.Until);
        Assert.Equal("grant approved by adupont: INC-1 settlement mismatch", entry.Why);
    }

    [Fact]
    public void The_repository_roster_on_the_fixture_day()
    {
        var snapshot = AccessCalculator.Calculate(Roster.Staging, Today);

        Assert.Equal(28, snapshot.People.Count());
        Assert.DoesNotContain("ngirard", snapshot.People);     // left 2026-09-30
        Assert.DoesNotContain("dkelly", snapshot.People);      // left 2025-08-29
        Assert.DoesNotContain("jrousseau", snapshot.People);   // left 2026-03-31
        Assert.DoesNotContain("mrossi", snapshot.People);      // contract ended 2026-06-30
        Assert.Contains("slefebvre", snapshot.People);         // started 2026-10-12
        var grant = snapshot.Entries.Single(e => e.Person == "cmartin" && e.Grant is not null);
        Assert.Equal(("database", "payments-db", "read", new DateOnly(2026, 11, 25)), (grant.System, grant.Resource, grant.Level, grant.Until));
        Assert.All(snapshot.Entries.Where(e => e.Person == "cmurphy"), e => Assert.Equal(new DateOnly(2026, 11, 27), e.Until));
        Assert.Equal(snapshot.Entries.OrderBy(e => e.Person, StringComparer.Ordinal).Select(e => e.Person), snapshot.Entries.Select(e => e.Person));
    }

    [Fact]
    public void A_diff_shows_who_loses_and_who_gains()
    {
        var from = AccessCalculator.Calculate(Roster.Staging, Today);
        var to = AccessCalculator.Calculate(Roster.Staging, new DateOnly(2026, 12, 1));

        var diff = AccessDiff.Between(from, to);

        Assert.Equal(["cmartin", "cmurphy"], diff.PeopleLosingAccess);
        Assert.Contains(diff.Changes, c => c.Kind == AccessChangeKind.Lost && c.Entry.Person == "cmurphy" && c.Entry.Resource == "bank/platform");
        Assert.Contains(diff.Changes, c => c.Kind == AccessChangeKind.Lost && c.Entry.Person == "cmartin" && c.Entry.Grant is not null);
        Assert.DoesNotContain(diff.Changes, c => c.Kind == AccessChangeKind.Lost && c.Entry.Person == "cmartin" && c.Entry.Grant is null);
    }

    [Fact]
    public void A_diff_of_a_day_with_itself_is_empty()
    {
        var snapshot = AccessCalculator.Calculate(Roster.Staging, Today);

        Assert.Empty(AccessDiff.Between(snapshot, snapshot).Changes);
    }
}
