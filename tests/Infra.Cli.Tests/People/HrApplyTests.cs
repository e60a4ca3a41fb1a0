using System.Text;
using Infra.Blueprints.People;
using Infra.Blueprints.Tests.Support;
using Infra.Cli.Commands;

namespace Infra.Cli.Tests.People;

public sealed class HrApplyTests : IDisposable
{
    private const string Journal = "stacks/catalog/hr-journal.jsonl";
    private readonly RepositoryCopy copy = new();

    public void Dispose() => copy.Dispose();

    [Fact]
    public void A_signed_hire_is_applied_and_its_access_diff_printed()
    {
        var run = Apply(Hire("evt-1", effective: "2026-11-22"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Event evt-1: hire of jdoe, effective 2026-11-22; signature and time verified.", run.Output, StringComparison.Ordinal);
        Assert.Contains("+ gains", run.Output, StringComparison.Ordinal);
        Assert.Contains("bank/payments", run.Output, StringComparison.Ordinal);
        Assert.Contains("  - id: jdoe\n    name: Jane Doe\n", copy.Read(Files.People), StringComparison.Ordinal);
        Assert.Single(copy.Read(Journal).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, CliRun.Infra(copy.Root, "validate").ExitCode);
    }

    [Fact]
    public void The_same_event_twice_is_refused_and_changes_nothing()
    {
        var body = Hire("evt-1");
        Assert.Equal(0, Apply(body).ExitCode);
        var people = copy.Read(Files.People);
        var journal = copy.Read(Journal);

        var again = Apply(body);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("rejected: event evt-1 was already applied on 2026-11-22 09:00Z", again.Error, StringComparison.Ordinal);
        Assert.Equal(people, copy.Read(Files.People));
        Assert.Equal(journal, copy.Read(Journal));
    }

    [Fact]
    public void A_tampered_event_is_refused()
    {
        var body = Hire("evt-1");
        var path = Write(body);
        File.WriteAllText(path, body.Replace("\"payments\"", "\"platform\"", StringComparison.Ordinal));

        var run = PeopleCli.Run(copy.Root, "hr", "apply", "--event", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not match the event file; the event was changed or signed with another secret", run.Error, StringComparison.Ordinal);
        AssertUnchanged();
    }

    [Fact]
    public void A_missing_signature_is_refused()
    {
        var path = Write(Hire("evt-1"));
        File.Delete(path + ".sig");

        var run = PeopleCli.Run(copy.Root, "hr", "apply", "--event", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rejected: the signature is missing", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_secret_nothing_is_checked_and_the_secret_never_shows()
    {
        var path = Write(Hire("evt-1"));

        var none = PeopleCli.Run(copy.Root, CliRun.Now, null, "hr", "apply", "--event", path);
        var wrong = PeopleCli.Run(copy.Root, CliRun.Now, "another-secret-of-at-least-32-characters", "hr", "apply", "--event", path);

        Assert.Equal(2, none.ExitCode);
        Assert.Contains($"{HrCommand.SecretVariable} must hold the HMAC secret", none.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrong.ExitCode);
        Assert.DoesNotContain("another-secret", wrong.Error + wrong.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(PeopleCli.Secret, wrong.Error + wrong.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-22T08:40:00Z")]
    [InlineData("2026-11-22T09:20:00Z")]
    [InlineData("2026-11-21T09:00:00Z")]
    public void A_stale_or_future_event_is_refused(string issuedAt)
    {
        var run = Apply(Hire("evt-1", issuedAt: issuedAt));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("more than 15 minutes from now (2026-11-22 09:00:00Z); ask HR to send it again", run.Error, StringComparison.Ordinal);
        AssertUnchanged();
    }

    [Fact]
    public void An_event_older_than_one_applied_for_the_person_is_refused()
    {
        Assert.Equal(0, Apply(Event("evt-2", "leave", "hlambert", "2026-12-10", "")).ExitCode);

        var run = Apply(Event("evt-3", "team-change", "hlambert", "2026-11-20", ",\"teams\":[\"core-banking\"]"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is out of order: event evt-2 (leave, effective 2026-12-10) is already applied", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leave_of_an_unknown_person_is_refused()
    {
        var run = Apply(Event("evt-2", "leave", "nobody", "2026-11-30", ""));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rejected: event evt-2: 'nobody' is not a person of people.yaml", run.Error, StringComparison.Ordinal);
        AssertUnchanged();
    }

    [Fact]
    public void Malformed_json_is_bad_input()
    {
        var run = Apply("{\"id\": \"evt-1\", \"type\": \"hire\",");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not valid JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hire_that_would_break_people_yaml_is_refused()
    {
        var run = Apply(Hire("evt-1", contract: "contractor"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("would make people.yaml invalid", run.Error, StringComparison.Ordinal);
        Assert.Contains("a contractor must have an end date", run.Error, StringComparison.Ordinal);
        AssertUnchanged();
    }

    [Fact]
    public void A_dry_run_shows_the_diff_and_writes_nothing()
    {
        var path = Write(Event("evt-2", "leave", "hlambert", "2026-11-30", ""));

        var run = PeopleCli.Run(copy.Root, "hr", "apply", "--event", path, "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("- loses", run.Output, StringComparison.Ordinal);
        Assert.Contains("on 2026-12-01", run.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing written.", run.Output, StringComparison.Ordinal);
        AssertUnchanged();
    }

    [Fact]
    public void Above_the_removal_limit_the_event_stops_until_a_person_runs_it()
    {
        // hlambert moves from payments to core-banking: losses no date explains, which the limit counts.
        copy.Edit(AccessSettings.File, "maxPeopleLosingAccess: 3", "maxPeopleLosingAccess: 0");
        var path = Write(Event("evt-3", "team-change", "hlambert", "2026-11-22", ",\"teams\":[\"core-banking\"]"));

        var automatic = PeopleCli.Run(copy.Root, "hr", "apply", "--event", path);

        Assert.Equal(1, automatic.ExitCode);
        Assert.Contains("would remove access from 1 people (hlambert), more than the limit of 0 in stacks/catalog/access.yaml; nothing was written", automatic.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-removals 1", automatic.Error, StringComparison.Ordinal);
        AssertUnchanged();

        var manual = PeopleCli.Run(copy.Root, "hr", "apply", "--event", path, "--allow-removals", "1");

        Assert.Equal(0, manual.ExitCode);
        Assert.Contains("    teams: [core-banking]\n", copy.Read(Files.People), StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_leave_goes_through_whatever_the_removal_limit()
    {
        copy.Edit(AccessSettings.File, "maxPeopleLosingAccess: 3", "maxPeopleLosingAccess: 0");

        var run = Apply(Event("evt-2", "leave", "hlambert", "2026-11-22", ",\"at\":\"2026-11-22T08:45:00Z\""));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("- loses", run.Output, StringComparison.Ordinal);
        Assert.Contains("at 2026-11-22 09:00:00Z", run.Output, StringComparison.Ordinal);
        Assert.Contains("    end: 2026-11-22\n    endsAt: 2026-11-22T08:45:00Z\n", copy.Read(Files.People), StringComparison.Ordinal);
    }

    [Fact]
    public void A_crash_before_the_rename_leaves_people_yaml_whole_and_a_rerun_completes()
    {
        var people = copy.Read(Files.People);
        var path = Write(Hire("evt-1"));
        var (environment, _, _) = PeopleCli.Environment(copy.Root, CliRun.Now, PeopleCli.Secret);
        var request = new HrCommand.ApplyRequest(path, null, DryRun: false, AllowRemovals: null, Repository: null);

        Assert.Throws<IOException>(() => HrCommand.Apply(request, environment, _ => throw new IOException("power cut")));

        Assert.Equal(people, copy.Read(Files.People));
        Assert.False(File.Exists(Path.Combine(copy.Root, Journal)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(copy.Root, "stacks", "catalog"), "*.tmp"));
        Assert.Equal(0, PeopleCli.Run(copy.Root, "hr", "apply", "--event", path).ExitCode);
        Assert.Contains("id: jdoe", copy.Read(Files.People), StringComparison.Ordinal);
    }

    [Fact]
    public void A_crash_between_people_yaml_and_the_journal_is_repaired_by_running_the_event_again()
    {
        var path = Write(Hire("evt-1"));
        var (environment, _, _) = PeopleCli.Environment(copy.Root, CliRun.Now, PeopleCli.Secret);
        var request = new HrCommand.ApplyRequest(path, null, DryRun: false, AllowRemovals: null, Repository: null);
        var renames = 0;

        Assert.Throws<IOException>(() => HrCommand.Apply(request, environment, _ =>
        {
            if (++renames == 2)
            {
                throw new IOException("power cut");
            }
        }));
        var people = copy.Read(Files.People);
        Assert.Contains("id: jdoe", people, StringComparison.Ordinal);

        var rerun = PeopleCli.Run(copy.Root, "hr", "apply", "--event", path);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains("people.yaml already reflected event evt-1", rerun.Output, StringComparison.Ordinal);
        Assert.Equal(people, copy.Read(Files.People));
        Assert.Single(copy.Read(Journal).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Format_rewrites_a_people_file_into_its_canonical_form()
    {
        var canonical = copy.Read(Files.People);
        copy.Edit(Files.People, "    contract: employee\n    start: 2016-09-05\n", "    start: 2016-09-05\n    contract: employee\n");
        var invalid = CliRun.Infra(copy.Root, "validate");
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("is not in canonical form", invalid.Output, StringComparison.Ordinal);
        Assert.Contains("Run 'infra hr format' to rewrite it", invalid.Output, StringComparison.Ordinal);

        var run = PeopleCli.Run(copy.Root, "hr", "format");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(canonical, copy.Read(Files.People));
    }

    private static string Hire(string id, string effective = "2026-12-01", string contract = "employee", string issuedAt = "2026-11-22T08:58:00Z") =>
        $$"""{"id":"{{id}}","type":"hire","issuedAt":"{{issuedAt}}","effective":"{{effective}}","person":"jdoe","name":"Jane Doe","email":"jane.doe@example-bank.eu","teams":["payments"],"contract":"{{contract}}"}""";

    private static string Event(string id, string type, string person, string effective, string extra) =>
        $$"""{"id":"{{id}}","type":"{{type}}","issuedAt":"2026-11-22T08:58:00Z","effective":"{{effective}}","person":"{{person}}"{{extra}}}""";

    private CliRun Apply(string body) => PeopleCli.Run(copy.Root, "hr", "apply", "--event", Write(body));

    /// <summary>Writes the event and its signature file next to it, as the HR pipeline hands them over.</summary>
    private string Write(string body)
    {
        var path = Path.Combine(copy.Root, $"event-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, body);
        File.WriteAllText(path + ".sig", HrSignature.Sign(Encoding.UTF8.GetBytes(body), PeopleCli.Secret) + "\n");
        return path;
    }

    private void AssertUnchanged()
    {
        using var original = new RepositoryCopy();
        Assert.Equal(original.Read(Files.People), copy.Read(Files.People));
        Assert.False(File.Exists(Path.Combine(copy.Root, Journal)));
    }
}
