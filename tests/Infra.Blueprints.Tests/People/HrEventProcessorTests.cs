using System.Text;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Blueprints.Tests.People;

/// <summary>
/// The HR workflow without files or Pulumi: verify, apply, diff and the removal limit, each path
/// accepted or refused with the message the command prints.
/// </summary>
public sealed class HrEventProcessorTests
{
    private static readonly IReadOnlyList<StackDefinition> Stacks = [Roster.Production, Roster.Staging];

    private readonly HrEventProcessor processor = new(new FakeTimeProvider(HrEvents.Now));

    [Fact]
    public void A_signed_hire_is_accepted_with_the_texts_to_write_and_the_diff_of_every_stack()
    {
        var input = Input(HrEvents.Hire(effective: "2026-11-22"), journal: "");

        var result = Process(input, limit: 3);

        Assert.True(result.Accepted, result.Refusal);
        Assert.True(result.PeopleChanged);
        Assert.Contains("  - id: jdoe\n    name: Jane Doe\n", result.PeopleText, StringComparison.Ordinal);
        var entry = Assert.Single(HrJournal.Parse(result.JournalText!));
        Assert.Equal(("evt-1", "hire", "jdoe", HrEvents.Now), (entry.Id, entry.Type, entry.Person, entry.AppliedAt));
        Assert.Equal(["production", "staging"], result.Diffs.Select(d => d.To.Stack));
        Assert.All(result.Diffs, d => Assert.Contains(d.Changes, c => c.Kind == AccessChangeKind.Gained && c.Entry.Person == "jdoe"));
        Assert.Empty(result.PeopleLosingAccess);
    }

    [Fact]
    public void The_journal_entry_is_appended_to_the_journal_as_read()
    {
        var earlier = HrJournal.Line(HrJournal.Entry(HrEvents.Read(HrEvents.Leave(id: "evt-0", person: "cmartin")), Encoding.UTF8.GetBytes("{}"), HrEvents.Now.AddDays(-1)));

        var result = Process(Input(HrEvents.Hire(), journal: earlier), limit: 3);

        Assert.True(result.Accepted, result.Refusal);
        Assert.StartsWith(earlier, result.JournalText, StringComparison.Ordinal);
        Assert.Equal(["evt-0", "evt-1"], HrJournal.Parse(result.JournalText!).Select(e => e.Id));
    }

    [Theory]
    [InlineData("tampered", "the signature in event.json.sig does not match the event file; the event was changed or signed with another secret")]
    [InlineData("other secret", "the signature in event.json.sig does not match the event file; the event was changed or signed with another secret")]
    [InlineData("missing", "the signature is missing: no event.json.sig; expected a file holding sha256=<hex HMAC-SHA256 of the event file>")]
    public void A_bad_or_missing_signature_is_refused_before_the_body_is_read(string how, string refusal)
    {
        var body = HrEvents.Hire();
        var input = how switch
        {
            "tampered" => Input(body) with { Body = Encoding.UTF8.GetBytes(body.Replace("\"payments\"", "\"platform\"", StringComparison.Ordinal)) },
            "other secret" => Input(body) with { Signature = HrEvents.Sign(body, "another-secret-of-at-least-32-characters") },
            _ => Input(body) with { Signature = null },
        };

        var verified = processor.Verify(input);

        Assert.False(verified.Accepted);
        Assert.Equal(refusal, verified.Refusal);
        Assert.Null(verified.Event);
    }

    [Fact]
    public void A_signed_body_that_is_not_an_event_is_refused()
    {
        var verified = processor.Verify(Input("{\"id\": \"evt-1\", \"type\": \"hire\","));

        Assert.StartsWith("event.json ", verified.Refusal, StringComparison.Ordinal);
        Assert.Contains("is not valid JSON", verified.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-22T08:40:00Z")]
    [InlineData("2026-11-22T09:20:00Z")]
    [InlineData("2026-11-21T09:00:00Z")]
    public void A_stale_or_future_event_is_refused(string issuedAt)
    {
        var verified = processor.Verify(Input(HrEvents.Hire(issuedAt: issuedAt)));

        Assert.EndsWith("more than 15 minutes from now (2026-11-22 09:00:00Z); ask HR to send it again", verified.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-22T08:45:00Z")]
    [InlineData("2026-11-22T09:15:00Z")]
    public void An_event_within_the_tolerance_is_verified(string issuedAt)
    {
        Assert.True(processor.Verify(Input(HrEvents.Hire(issuedAt: issuedAt))).Accepted);
    }

    [Fact]
    public void A_replayed_event_is_refused()
    {
        var body = HrEvents.Hire();
        var applied = Process(Input(body), limit: 3);

        var again = processor.Verify(Input(body, journal: applied.JournalText!));

        Assert.Equal("event evt-1 was already applied on 2026-11-22 09:00Z (hire of jdoe); an event is applied once", again.Refusal);
    }

    [Fact]
    public void An_event_older_than_one_applied_for_the_person_is_refused()
    {
        var leave = Process(Input(HrEvents.Leave(effective: "2026-12-10")), limit: 3);

        var verified = processor.Verify(Input(HrEvents.TeamChange(effective: "2026-11-20"), journal: leave.JournalText!));

        Assert.StartsWith("event evt-3 (team-change of hlambert, effective 2026-11-20) is out of order: event evt-2 (leave, effective 2026-12-10) is already applied", verified.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_journal_that_is_not_a_journal_is_an_error_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => processor.Verify(Input(HrEvents.Hire(), journal: "not json\n")));

        Assert.StartsWith("stacks/catalog/hr-journal.jsonl:1: not a journal entry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leave_of_an_unknown_person_is_refused_with_nothing_to_write()
    {
        var result = Process(Input(HrEvents.Leave(person: "nobody")), limit: 3);

        Assert.StartsWith("event evt-2: 'nobody' is not a person of people.yaml", result.Refusal, StringComparison.Ordinal);
        Assert.Null(result.PeopleText);
        Assert.Null(result.JournalText);
        Assert.Empty(result.Diffs);
    }

    [Fact]
    public void A_hire_that_would_make_people_yaml_invalid_is_refused()
    {
        var result = Process(Input(HrEvents.Hire(contract: "contractor")), limit: 3);

        Assert.StartsWith("event evt-1 would make people.yaml invalid: ", result.Refusal, StringComparison.Ordinal);
        Assert.Contains("a contractor must have an end date", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Above_the_removal_limit_the_event_is_refused_and_keeps_its_diffs_for_review()
    {
        // hlambert leaves payments: a loss that no date explains, so the limit counts it.
        var input = Input(HrEvents.TeamChange());
        var applied = processor.Apply(input, processor.Verify(input), Stacks);

        var refused = HrEventProcessor.CheckRemovalLimit(applied, 0);
        var allowed = HrEventProcessor.CheckRemovalLimit(applied, 1);

        Assert.Equal(["hlambert"], applied.PeopleLosingAccessUnscheduled);
        Assert.Equal("event evt-3 would remove access from 1 people (hlambert), more than the limit of 0 in stacks/catalog/access.yaml; nothing was written. "
            + "A person reviews the diff (--dry-run) and runs it by hand with --allow-removals 1", refused.Refusal);
        Assert.Null(refused.PeopleText);
        Assert.Null(refused.JournalText);
        Assert.Equal(applied.Diffs, refused.Diffs);
        Assert.Same(applied, allowed);
        Assert.Contains("    teams: [core-banking]\n", allowed.PeopleText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\":\"evt-2\",\"type\":\"leave\",\"issuedAt\":\"2026-11-22T08:58:00Z\",\"effective\":\"2026-11-30\",\"person\":\"hlambert\"}")]
    [InlineData("{\"id\":\"evt-2\",\"type\":\"terminate\",\"issuedAt\":\"2026-11-22T08:58:00Z\",\"effective\":\"2026-11-22\",\"person\":\"hlambert\"}")]
    public void The_removal_limit_never_holds_back_a_signed_leave_or_termination(string body)
    {
        var result = Process(Input(body), limit: 0);

        Assert.True(result.Accepted, result.Refusal);
        Assert.Equal(["hlambert"], result.PeopleLosingAccess);
        Assert.Empty(result.PeopleLosingAccessUnscheduled);
    }

    [Fact]
    public void A_leave_without_a_time_removes_access_at_the_end_of_its_day()
    {
        var result = Process(Input(HrEvents.Leave(effective: "2026-11-30")), limit: 3);

        Assert.All(result.Diffs, d => Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), d.To.At));
        Assert.Contains("    end: 2026-11-30\n", result.PeopleText, StringComparison.Ordinal);
        Assert.DoesNotContain("endsAt", result.PeopleText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leave_whose_time_has_passed_removes_access_when_it_is_applied()
    {
        var body = """{"id":"evt-2","type":"leave","issuedAt":"2026-11-22T08:58:00Z","effective":"2026-11-22","at":"2026-11-22T08:30:00Z","person":"hlambert"}""";

        var result = Process(Input(body), limit: 3);

        Assert.All(result.Diffs, d => Assert.Equal(HrEvents.Now, d.To.At));
        Assert.All(result.Diffs, d => Assert.Contains(d.Changes, c => c.Kind == AccessChangeKind.Lost && c.Entry.Person == "hlambert"));
        Assert.All(result.Diffs, d => Assert.DoesNotContain("hlambert", d.To.People));
        Assert.Contains("    end: 2026-11-22\n    endsAt: 2026-11-22T08:30:00Z\n", result.PeopleText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_termination_ends_access_at_the_time_hr_issued_it()
    {
        var body = """{"id":"evt-9","type":"terminate","issuedAt":"2026-11-22T08:58:00Z","effective":"2026-11-22","person":"hlambert"}""";

        var result = Process(Input(body), limit: 3);

        Assert.All(result.Diffs, d => Assert.DoesNotContain("hlambert", d.To.People));
        Assert.All(result.Diffs, d => Assert.Contains("hlambert", d.From.People));
        Assert.Contains("    end: 2026-11-22\n    endsAt: 2026-11-22T08:58:00Z\n", result.PeopleText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_termination_issued_ahead_of_the_clock_ends_access_when_applied()
    {
        var body = """{"id":"evt-9","type":"terminate","issuedAt":"2026-11-22T11:00:00Z","effective":"2026-11-22","person":"hlambert"}""";

        var result = Process(Input(body), limit: 3);

        Assert.Contains("    endsAt: 2026-11-22T09:00:00Z\n", result.PeopleText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-22T06:00:00Z")]
    [InlineData("2026-11-20T09:00:00Z")]
    public void A_leave_queued_for_hours_is_not_refused_as_stale(string issuedAt)
    {
        var verified = processor.Verify(Input(HrEvents.Leave(issuedAt: issuedAt)));

        Assert.True(verified.Accepted, verified.Refusal);
    }

    [Fact]
    public void A_leave_dated_before_an_applied_extension_is_not_refused_as_out_of_order()
    {
        var extension = Process(Input(HrEvents.Extension(effective: "2027-01-15", end: "2027-05-31")), limit: 3);

        var leave = processor.Verify(Input(HrEvents.Leave(person: "cmurphy", effective: "2026-12-02"), journal: extension.JournalText!));

        Assert.True(leave.Accepted, leave.Refusal);
    }

    [Fact]
    public void A_replayed_leave_is_still_refused_by_its_id()
    {
        var body = HrEvents.Leave(issuedAt: "2026-11-20T09:00:00Z");
        var applied = Process(Input(body), limit: 3);

        var again = processor.Verify(Input(body, journal: applied.JournalText!));

        Assert.StartsWith("event evt-2 was already applied", again.Refusal, StringComparison.Ordinal);
    }

    /// <summary>
    /// A dry run is the processor's result without the writes: everything is computed from the texts given, and
    /// neither the input nor the repository's files change.
    /// </summary>
    [Fact]
    public void A_dry_run_needs_no_writes()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var files = new[] { StackDefinitionLoader.PeopleFile, HrJournal.File }.Select(f => Path.Combine(root, f)).ToList();
        var before = files.Select(f => File.Exists(f) ? File.ReadAllText(f) : null).ToList();
        var input = Input(HrEvents.Leave(effective: "2026-11-30"), journal: "");

        var result = Process(input, limit: 3);

        Assert.True(result.Accepted, result.Refusal);
        Assert.NotNull(result.PeopleText);
        Assert.NotNull(result.JournalText);
        Assert.Equal("", input.JournalText);
        Assert.Equal(before, files.Select(f => File.Exists(f) ? File.ReadAllText(f) : null));
    }

    [Fact]
    public void An_event_people_yaml_already_reflects_changes_nothing_but_is_journaled()
    {
        var first = Process(Input(HrEvents.Hire()), limit: 3);
        var e = HrEvents.Read(HrEvents.Hire());
        var jdoe = new PersonDefinition(e.Person, e.Name!, e.Email!, e.Teams!, e.Contract!.Value, e.Effective, e.End, []);
        var people = Roster.Staging.Catalog.People.Append(jdoe).OrderBy(p => p.Id, StringComparer.Ordinal).ToEquatableList();
        var hired = Stacks.Select(s => s with { Catalog = s.Catalog with { People = people } }).ToList();
        var input = Input(HrEvents.Hire());

        var again = processor.Apply(input, processor.Verify(input), hired);

        Assert.True(again.Accepted, again.Refusal);
        Assert.False(again.PeopleChanged);
        Assert.Equal(first.PeopleText, again.PeopleText);
        Assert.Single(HrJournal.Parse(again.JournalText!));
        Assert.All(again.Diffs, d => Assert.Empty(d.Changes));
    }

    [Fact]
    public void Only_a_verified_event_is_applied()
    {
        var input = Input(HrEvents.Hire()) with { Signature = null };

        Assert.Throws<ArgumentException>(() => processor.Apply(input, processor.Verify(input), Stacks));
    }

    [Fact]
    public void The_secret_never_shows_in_the_input()
    {
        Assert.DoesNotContain(HrEvents.Secret, Input(HrEvents.Hire()).ToString(), StringComparison.Ordinal);
    }

    private HrEventResult Process(HrEventInput input, int limit)
    {
        var verified = processor.Verify(input);
        Assert.True(verified.Accepted, verified.Refusal);
        var applied = processor.Apply(input, verified, Stacks);
        return applied.Accepted ? HrEventProcessor.CheckRemovalLimit(applied, limit) : applied;
    }

    private static HrEventInput Input(string body, string journal = "") =>
        new("event.json", Encoding.UTF8.GetBytes(body), "event.json.sig", HrEvents.Sign(body) + "\n", HrEvents.Secret, journal);

    /// <summary>A clock stopped at one instant (the processor reads the time only through it).</summary>
}
