using System.Text;
using Infra.Blueprints.Tests.Support;
using Infra.Cli.Tests.People;

namespace Infra.Cli.Tests.Faults;

/// <summary>hr apply over bad input: one clear error, nothing written, no stack trace.</summary>
public sealed class HrApplyBadInputTests : IDisposable
{
    private readonly RepositoryCopy copy = new();

    public void Dispose() => copy.Dispose();

    [Fact]
    public void A_people_yaml_nested_fifty_thousand_levels_deep_is_an_error_not_a_stack_overflow()
    {
        File.AppendAllText(Path.Combine(copy.Root, Files.People), "deep: " + new string('[', 50_000) + new string(']', 50_000) + "\n");
        var before = copy.Read(Files.People);

        var run = Apply(SignedEvents.Hire("evt-deep", "deep"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("stacks/catalog/people.yaml:", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("nested more than 64 levels deep", run.Output + run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
        Assert.Equal(before, copy.Read(Files.People));
    }

    public static TheoryData<string, byte[], string> BadEvents => new()
    {
        { "invalid UTF-8 in a name", [.. """{"id":"evt-u","type":"hire","issuedAt":"2026-11-22T08:58:00Z","effective":"2026-12-01","person":"utf","name":"J"""u8, 0xFF, .. "\",\"email\":\"u@example-bank.eu\",\"teams\":[\"payments\"],\"contract\":\"employee\"}"u8], "is not UTF-8 at line 1, column 112 (byte 111)" },
        { "a key given twice", Encoding.UTF8.GetBytes("""{"id":"evt-d","type":"hire","type":"leave","issuedAt":"2026-11-22T08:58:00Z","effective":"2026-12-01","person":"adupont"}"""), "is not valid JSON at line 1, column 29: the key \"type\" appears twice in one object; each key may appear once" },
        { "issuedAt without an offset", Encoding.UTF8.GetBytes("""{"id":"evt-o","type":"leave","issuedAt":"2026-11-22T08:58:00","effective":"2026-12-01","person":"adupont"}"""), "'issuedAt' is not valid; expected an ISO 8601 time with its offset" },
        { "a leave on 9999-12-31", Encoding.UTF8.GetBytes("""{"id":"evt-f","type":"leave","issuedAt":"2026-11-22T08:58:00Z","effective":"9999-12-31","person":"adupont"}"""), "'effective' is not valid; expected a date as YYYY-MM-DD, before the year 3000" },
        { "trailing garbage", Encoding.UTF8.GetBytes("""{"id":"evt-t","type":"leave","issuedAt":"2026-11-22T08:58:00Z","effective":"2026-12-01","person":"adupont"} x"""), "is not valid JSON at line 1, column 109: 'x' is invalid after a single JSON value" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public void A_malformed_signed_event_is_bad_input_with_its_reason_and_changes_nothing(string why, byte[] body, string reason)
    {
        var before = copy.Read(Files.People);

        var run = PeopleCli.Run(copy.Root, "hr", "apply", "--event", SignedEvents.Write(copy.Root, body));

        Assert.True(run.ExitCode == 2, $"{why}: {run.ExitCode} {run.Error}");
        Assert.True(run.Error.Contains(reason, StringComparison.Ordinal), run.Error);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
        Assert.Equal(before, copy.Read(Files.People));
        Assert.False(File.Exists(Path.Combine(copy.Root, "stacks/catalog/hr-journal.jsonl")));
    }

    [Fact]
    public void An_event_with_a_byte_order_mark_is_read_like_one_without()
    {
        var run = PeopleCli.Run(copy.Root, "hr", "apply", "--event", SignedEvents.Write(copy.Root, Bytes([0xEF, 0xBB, 0xBF], Encoding.UTF8.GetBytes(SignedEvents.Hire("evt-bom", "bom")))));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("  - id: bom\n", copy.Read(Files.People), StringComparison.Ordinal);
    }

    [Fact]
    public void A_journal_line_with_fields_missing_is_an_error_with_its_line()
    {
        File.WriteAllText(Path.Combine(copy.Root, "stacks/catalog/hr-journal.jsonl"), "{\"id\":\"old-1\"}\n");

        var run = Apply(SignedEvents.Hire("evt-j", "journal"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("stacks/catalog/hr-journal.jsonl:1: not a journal entry", run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    [Fact]
    public void A_people_yaml_date_in_the_year_9999_is_an_error_not_an_overflow()
    {
        var people = copy.Read(Files.People);
        var start = people.IndexOf("    start: ", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(copy.Root, Files.People), people.Insert(start, "    end: 9999-12-31\n"));

        var run = CliRun.Infra(copy.Root, "validate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("expected a date before the year 3000, found '9999-12-31'", run.Output, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    private static byte[] Bytes(byte[] first, byte[] second) => [.. first, .. second];

    private CliRun Apply(string body) => PeopleCli.Run(copy.Root, "hr", "apply", "--event", SignedEvents.Write(copy.Root, Encoding.UTF8.GetBytes(body)));
}
