using System.Text;
using Infra.Blueprints.Definition;
using Infra.Blueprints.People;

namespace Infra.Blueprints.Tests.People;

public sealed class HrEventTests
{
    private static readonly EquatableList<PersonDefinition> People = Roster.Staging.Catalog.People;

    private static readonly HashSet<string> Privileged = Roster.Staging.Catalog.Teams.Where(t => t.IsPrivileged).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void A_signed_body_verifies()
    {
        var body = Encoding.UTF8.GetBytes(HrEvents.Hire());

        Assert.True(HrSignature.Verify(body, HrEvents.Sign(HrEvents.Hire()) + "\n", HrEvents.Secret));
    }

    [Theory]
    [InlineData("tampered body")]
    [InlineData("other secret")]
    [InlineData("no prefix")]
    [InlineData("not hex")]
    [InlineData("empty")]
    public void A_bad_signature_does_not_verify(string how)
    {
        var body = HrEvents.Hire();
        var signature = HrEvents.Sign(body);
        var (signedBody, given) = how switch
        {
            "tampered body" => (body.Replace("\"payments\"", "\"platform\"", StringComparison.Ordinal), signature),
            "other secret" => (body, HrEvents.Sign(body, "another-secret-of-at-least-32-characters")),
            "no prefix" => (body, signature[HrSignature.Prefix.Length..]),
            "not hex" => (body, HrSignature.Prefix + new string('z', 64)),
            _ => (body, ""),
        };

        Assert.False(HrSignature.Verify(Encoding.UTF8.GetBytes(signedBody), given, HrEvents.Secret));
    }

    [Theory]
    [InlineData("{\"id\":", "is not valid JSON")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("{\"id\":\"e1\",\"type\":\"promotion\"}", "type 'promotion' is not known; expected one of hire, leave, team-change, contract-extension")]
    [InlineData("{\"id\":\"e1\",\"type\":\"leave\",\"issuedAt\":\"2026-11-22T08:58:00Z\",\"effective\":\"2026-11-30\"}", "'person' is missing")]
    [InlineData("{\"id\":\"e1\",\"type\":\"leave\",\"issuedAt\":\"2026-11-22T08:58:00Z\",\"effective\":\"30/11/2026\",\"person\":\"hlambert\"}", "'effective' is not valid; expected a date as YYYY-MM-DD")]
    [InlineData("{\"id\":\"e1\",\"type\":\"leave\",\"issuedAt\":\"yesterday\",\"effective\":\"2026-11-30\",\"person\":\"hlambert\"}", "'issuedAt' is not valid")]
    [InlineData("{\"id\":\"e1\",\"type\":\"leave\",\"issuedAt\":\"2026-11-22T08:58:00Z\",\"effective\":\"2026-11-30\",\"person\":\"hlambert\",\"salary\":1}", "'salary' is not a field of a leave event")]
    [InlineData("{\"id\":\"e1\",\"type\":\"leave\",\"issuedAt\":\"2026-11-22T08:58:00Z\",\"effective\":\"2026-11-30\",\"person\":\"hlambert\",\"end\":\"2026-12-31\"}", "'end' is not a field of a leave event")]
    [InlineData("{\"id\":\"e1\",\"type\":\"leave\",\"issuedAt\":\"2026-11-22T08:58:00Z\",\"effective\":\"2026-11-30\",\"at\":\"2026-12-01T10:00:00Z\",\"person\":\"hlambert\"}", "'at' 2026-12-01T10:00:00Z is not on the effective day 2026-11-30 (UTC)")]
    [InlineData("{\"id\":\"e1\",\"type\":\"terminate\",\"issuedAt\":\"2026-11-22T08:58:00Z\",\"effective\":\"2026-11-22\",\"at\":\"2026-11-22T10:00:00Z\",\"person\":\"hlambert\"}", "'at' is not a field of a terminate event")]
    [InlineData("{\"id\":\"e1\",\"type\":\"team-change\",\"issuedAt\":\"2026-11-22T08:58:00Z\",\"effective\":\"2026-11-30\",\"person\":\"hlambert\",\"teams\":[]}", "'teams' must be a non-empty list")]
    public void A_malformed_event_is_refused_with_what_is_wrong(string body, string message)
    {
        Assert.False(HrEventReader.TryRead(Encoding.UTF8.GetBytes(body), out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hire_adds_the_person_sorted_and_twice_changes_nothing()
    {
        var hire = HrEvents.Read(HrEvents.Hire());

        var once = HrEventApplier.Apply(People, hire, HrEvents.Now, Privileged);
        var twice = HrEventApplier.Apply(once.People, hire, HrEvents.Now, Privileged);

        Assert.True(once.Changed);
        var jdoe = once.People.Single(p => p.Id == "jdoe");
        Assert.Equal((new DateOnly(2026, 12, 1), (DateOnly?)null, ContractKind.Employee), (jdoe.Start, jdoe.End, jdoe.Contract));
        Assert.Equal(once.People.OrderBy(p => p.Id, StringComparer.Ordinal), once.People);
        Assert.True(twice.Accepted);
        Assert.False(twice.Changed);
        Assert.Equal(once.People, twice.People);
    }

    [Fact]
    public void A_contractor_is_hired_with_the_last_day_of_the_contract()
    {
        var result = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.Hire(contract: "contractor", end: "2027-05-31")), HrEvents.Now, Privileged);

        var jdoe = result.People.Single(p => p.Id == "jdoe");
        Assert.Equal((ContractKind.Contractor, (DateOnly?)new DateOnly(2027, 5, 31)), (jdoe.Contract, jdoe.End));
    }

    [Fact]
    public void A_hire_of_someone_already_there_with_other_details_is_refused()
    {
        var result = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.Hire(person: "cmartin")), HrEvents.Now, Privileged);

        Assert.False(result.Accepted);
        Assert.Contains("'cmartin' is already in people.yaml", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leave_of_an_unknown_person_is_refused()
    {
        var result = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.Leave(person: "nobody")), HrEvents.Now, Privileged);

        Assert.Equal("'nobody' is not a person of people.yaml; a leave needs an existing person", result.Refusal);
    }

    [Fact]
    public void A_leave_sets_the_last_day_and_never_extends_access()
    {
        var leave = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.Leave()), HrEvents.Now, Privileged);
        var late = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.Leave(person: "cmurphy", effective: "2026-12-31")), HrEvents.Now, Privileged);

        Assert.Equal(new DateOnly(2026, 11, 30), leave.People.Single(p => p.Id == "hlambert").End);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), leave.ImpactAt);
        Assert.False(late.Changed);
        Assert.Equal(new DateOnly(2026, 11, 27), late.People.Single(p => p.Id == "cmurphy").End);
    }

    [Fact]
    public void A_team_change_applies_on_its_day_and_not_before()
    {
        var today = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.TeamChange()), HrEvents.Now, Privileged);
        var future = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.TeamChange(effective: "2026-12-01")), HrEvents.Now, Privileged);

        Assert.Equal(["core-banking"], today.People.Single(p => p.Id == "hlambert").Teams);
        Assert.Contains("takes effect on 2026-12-01; it can be applied on or after that day", future.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_moves_the_end_later_only()
    {
        var later = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.Extension()), HrEvents.Now, Privileged);
        var earlier = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.Extension(end: "2026-11-25")), HrEvents.Now, Privileged);
        var employee = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.Extension(person: "adupont")), HrEvents.Now, Privileged);

        Assert.Equal(new DateOnly(2027, 5, 31), later.People.Single(p => p.Id == "cmurphy").End);
        Assert.Contains("is before the current end 2026-11-27; an earlier end is a leave event", earlier.Refusal, StringComparison.Ordinal);
        Assert.Equal("'adupont' has no end date to extend", employee.Refusal);
    }

    [Fact]
    public void The_journal_refuses_a_replay_and_an_event_older_than_one_applied()
    {
        var leave = HrEvents.Read(HrEvents.Leave(effective: "2026-12-10"));
        var journal = HrJournal.Parse(HrJournal.Line(HrJournal.Entry(leave, Encoding.UTF8.GetBytes("{}"), HrEvents.Now)));

        Assert.Contains("event evt-2 was already applied on 2026-11-22 09:00Z", HrJournal.Refusal(journal, leave), StringComparison.Ordinal);
        Assert.Contains("is out of order: event evt-2 (leave, effective 2026-12-10) is already applied",
            HrJournal.Refusal(journal, HrEvents.Read(HrEvents.TeamChange(effective: "2026-11-20"))), StringComparison.Ordinal);
        Assert.Null(HrJournal.Refusal(journal, HrEvents.Read(HrEvents.TeamChange(person: "cmartin", effective: "2026-11-20"))));
        Assert.Contains("access after a leave is a return, edited by hand",
            HrJournal.Refusal(journal, HrEvents.Read(HrEvents.Extension(person: "hlambert", effective: "2026-12-10"))), StringComparison.Ordinal);
        Assert.Null(HrJournal.Refusal(journal, HrEvents.Read(HrEvents.Extension(person: "cmurphy", effective: "2026-12-10"))));
    }

    [Fact]
    public void A_broken_journal_line_names_its_line()
    {
        var error = Assert.Throws<FormatException>(() => HrJournal.Parse("\n{not json}\n"));

        Assert.StartsWith("stacks/catalog/hr-journal.jsonl:2: not a journal entry", error.Message, StringComparison.Ordinal);
    }
}
