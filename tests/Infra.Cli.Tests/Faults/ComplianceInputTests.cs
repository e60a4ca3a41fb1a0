using System.Text;
using Infra.Blueprints.Tests.Support;

namespace Infra.Cli.Tests.Faults;

/// <summary>compliance recognises each input format strictly: a wrong or damaged file is exit 2 with its position, never PASSED.</summary>
public sealed class ComplianceInputTests : IDisposable
{
    private readonly RepositoryCopy copy = new();

    public void Dispose() => copy.Dispose();

    public static TheoryData<string, string, byte[], string> WrongFiles => new()
    {
        { "an empty object as preview", "--preview", Encoding.UTF8.GetBytes("{}"), "no 'steps' and no 'changeSummary'; expected the JSON of `pulumi preview --json`" },
        { "an export as preview", "--preview", Encoding.UTF8.GetBytes("""{"version":3,"deployment":{"resources":[]}}"""), "this is a `pulumi stack export` (it has 'deployment'), not a preview; give it with --state" },
        { "an export without version", "--state", Encoding.UTF8.GetBytes("""{"deployment":{"resources":[]}}"""), "no 'version'; `pulumi stack export` writes \"version\": 3 first" },
        { "a version as a string", "--state", Encoding.UTF8.GetBytes("""{"version":"3","deployment":{"resources":[]}}"""), "'version' is the string \"3\"; `pulumi stack export` writes the number 3, without quotes" },
        { "invalid UTF-8 in a preview step", "--preview", [.. """{"steps":[{"op":"cr"""u8, 0xFF, .. """eate","urn":"u"}]}"""u8], ":1:20 (byte 19): error: invalid UTF-8 (0xFF)" },
        { "a key twice in a preview", "--preview", Encoding.UTF8.GetBytes("""{"steps":[],"steps":[]}"""), "Duplicate" },
        { "trailing garbage after a preview", "--preview", Encoding.UTF8.GetBytes("""{"steps":[]} x"""), "malformed JSON" },
        { "trailing garbage after an export", "--state", Encoding.UTF8.GetBytes("""{"version":3,"deployment":{"resources":[]}} x"""), "malformed JSON" },
    };

    [Theory]
    [MemberData(nameof(WrongFiles))]
    public void A_wrong_or_damaged_input_is_exit_2_never_passed(string why, string option, byte[] content, string reason)
    {
        var run = Run(option, content);

        Assert.True(run.ExitCode == 2, $"{why}: exit {run.ExitCode}\n{run.Output}{run.Error}");
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PASSED", run.Output, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    [Theory]
    [InlineData("--preview", """{"steps":[]}""")]
    [InlineData("--state", """{"version":3,"deployment":{"resources":[]}}""")]
    public void A_byte_order_mark_is_skipped_by_both_readers(string option, string json)
    {
        var run = Run(option, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("PASSED", run.Output, StringComparison.Ordinal);
    }

    private CliRun Run(string option, byte[] content)
    {
        var path = Path.Combine(copy.Root, "input.json");
        File.WriteAllBytes(path, content);
        var repository = Infra.Blueprints.Loading.RepositoryRoot.Find(AppContext.BaseDirectory);
        return CliRun.Infra(copy.Root, "compliance", "--stack", "staging", option, path,
            "--enforcement", Path.Combine(repository, "policies", "enforcement.yaml"), "--waivers", Path.Combine(repository, "policies", "waivers.yaml"));
    }
}
