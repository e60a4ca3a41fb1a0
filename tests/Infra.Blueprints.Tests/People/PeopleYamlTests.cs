using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.People;

public sealed class PeopleYamlTests
{
    private static readonly HashSet<string> Teams = Roster.Staging.Catalog.Teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);

    private static readonly AccessApprovers Approvers = AccessApprovers.Of(Roster.Staging);

    [Fact]
    public void The_repository_people_file_is_canonical()
    {
        using var copy = new RepositoryCopy();

        Assert.Null(PeopleCatalogChecks.Canonical(copy.Read(Files.People), Roster.Staging.Catalog.People));
    }

    [Fact]
    public void Canonical_text_sorts_people_and_reads_back_to_the_same_people()
    {
        var people = new[]
        {
            Roster.Person("zed", new DateOnly(2026, 1, 5), new DateOnly(2027, 1, 4), contract: ContractKind.Contractor),
            Roster.Person("amy", new DateOnly(2020, 2, 29)) with { Teams = ["risk", "data"] },
        };

        var text = PeopleYaml.Write(people);

        Assert.True(text.IndexOf("id: amy", StringComparison.Ordinal) < text.IndexOf("id: zed", StringComparison.Ordinal));
        Assert.Contains("    teams: [risk, data]\n", text, StringComparison.Ordinal);
        Assert.Empty(PeopleCatalogChecks.Validate(text, Teams, Approvers));
        Assert.Equal(text, PeopleYaml.Write(people.Reverse()));
    }

    [Theory]
    [InlineData("Aoife O'Brien")]
    [InlineData("Risk & Fraud: Team #2")]
    [InlineData("null")]
    [InlineData("2026-01-01")]
    [InlineData("- dash first")]
    [InlineData("quote \" and backslash \\")]
    [InlineData("Zoë Ünal-Łukasz")]
    [InlineData("trailing space ")]
    public void Any_name_round_trips_through_the_canonical_text(string name)
    {
        var person = Roster.Person("amy", new DateOnly(2020, 1, 1)) with { Name = name };
        var text = PeopleYaml.Write([person]);

        Assert.Empty(PeopleCatalogChecks.Validate(text, Teams, Approvers));
        using var copy = new RepositoryCopy();
        File.WriteAllText(Path.Combine(copy.Root, Files.People), text);
        var people = copy.Loader.LoadFromFiles("staging").Definition!.Catalog.People;
        Assert.Equal(name, Assert.Single(people).Name);
        Assert.Null(PeopleCatalogChecks.Canonical(text, people));
    }

    [Fact]
    public void A_file_out_of_order_is_not_canonical_and_the_error_names_the_line_and_the_fix()
    {
        var people = Roster.Staging.Catalog.People;
        var text = PeopleYaml.Write(people).Replace("    contract: employee\n    start: 2016-09-05\n", "    start: 2016-09-05\n    contract: employee\n", StringComparison.Ordinal);

        var error = PeopleCatalogChecks.Canonical(text, people);

        Assert.NotNull(error);
        Assert.True(error.IsError);
        Assert.Equal(10, error.Line); // adupont's id, name, email, teams, approvals and its one approval come first
        Assert.Contains("this line should read 'contract: employee'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Run 'infra hr format'", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BrokenPeople => new()
    {
        { "end before start", "    start: 2026-01-05\n", "    start: 2026-01-05\n    end: 2026-01-04\n" },
        { "contractor without end date", "    contract: employee\n    start: 2026-01-05", "    contract: contractor\n    start: 2026-01-05" },
        { "grant over 30 days (leap year)", "expires: 2028-03-16", "expires: 2028-03-17" },
        { "self-approved grant", "approver: bob", "approver: amy" },
        { "unknown team", "teams: [risk]", "teams: [rsik]" },
        { "endsAt without end", "    start: 2026-01-05\n", "    start: 2026-01-05\n    endsAt: 2026-03-02T10:00:00Z\n" },
        { "endsAt on another day than end", "    start: 2026-01-05\n", "    start: 2026-01-05\n    end: 2026-03-01\n    endsAt: 2026-03-02T10:00:00Z\n" },
        { "endsAt without offset", "    start: 2026-01-05\n", "    start: 2026-01-05\n    end: 2026-03-02\n    endsAt: 2026-03-02T10:00:00\n" },
    };

    [Fact]
    public void A_termination_time_round_trips_and_ends_access_to_the_second()
    {
        var endsAt = new DateTimeOffset(2026, 12, 2, 10, 15, 0, TimeSpan.Zero);
        var person = Roster.Person("amy", new DateOnly(2020, 1, 1), new DateOnly(2026, 12, 2)) with { EndsAt = endsAt };
        var text = PeopleYaml.Write([person]);

        Assert.Contains("    end: 2026-12-02\n    endsAt: 2026-12-02T10:15:00Z\n", text, StringComparison.Ordinal);
        Assert.Empty(PeopleCatalogChecks.Validate(text, Teams, Approvers));
        using var copy = new RepositoryCopy();
        File.WriteAllText(Path.Combine(copy.Root, Files.People), text);
        Assert.Equal(person, Assert.Single(copy.Loader.LoadFromFiles("staging").Definition!.Catalog.People));
        Assert.True(person.HasAccessAt(endsAt.AddSeconds(-1)));
        Assert.False(person.HasAccessAt(endsAt));
        Assert.True(person.HasAccessOn(new DateOnly(2026, 12, 2)));
    }

    [Theory]
    [MemberData(nameof(BrokenPeople))]
    public void A_candidate_people_file_is_checked_as_the_loader_checks(string because, string find, string replace)
    {
        // 2028-02-15 to 2028-03-16 is 30 days across a leap day: allowed; a day more is not.
        var grant = new TemporaryGrant("database/payments-db", "read", "INC-7 reconciliation", "bob", new DateOnly(2028, 2, 15), new DateOnly(2028, 3, 16));
        var good = PeopleYaml.Write([Roster.Person("amy", new DateOnly(2026, 1, 5), team: "risk", grants: grant), Roster.Person("bob", new DateOnly(2020, 1, 1))]);
        Assert.Empty(PeopleCatalogChecks.Validate(good, Teams, Approvers));

        var errors = PeopleCatalogChecks.Validate(good.Replace(find, replace, StringComparison.Ordinal), Teams, Approvers);

        Assert.True(errors.Count(e => e.IsError) == 1, because + ": " + string.Join("; ", errors));
    }

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "tomorrow")]
    [InlineData(7, "in 7 days")]
    public void Contracts_and_grants_ending_within_a_week_are_warned_about(int days, string when)
    {
        var grant = new TemporaryGrant("database/payments-db", "read", "INC-7 reconciliation", "bob", Roster.Today.AddDays(-1), Roster.Today.AddDays(days));
        var people = new[] { Roster.Person("amy", new DateOnly(2026, 1, 5), Roster.Today.AddDays(days), contract: ContractKind.Contractor, grants: grant) };

        var warnings = PeopleCatalogChecks.EndingSoon(people, Roster.Today, fileIsCanonical: true);

        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        Assert.Contains(warnings, w => w.KeyPath == "people[0].end" && w.Message.Contains($"access of amy (contractor) ends on {Roster.Today.AddDays(days):yyyy-MM-dd}, {when}", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.KeyPath == "people[0].grants[0].expires" && w.Line is not null);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    public void Endings_outside_the_week_are_not_warned_about(int days)
    {
        var people = new[] { Roster.Person("amy", new DateOnly(2026, 1, 5), Roster.Today.AddDays(days), contract: ContractKind.Contractor) };

        Assert.Empty(PeopleCatalogChecks.EndingSoon(people, Roster.Today, fileIsCanonical: true));
    }
}
