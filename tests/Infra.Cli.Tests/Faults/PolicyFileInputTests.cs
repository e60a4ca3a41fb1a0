using System.Text;
using Infra.Blueprints.Tests.Support;

namespace Infra.Cli.Tests.Faults;

/// <summary>
/// The bad-input corpus of compliance's own files, the baseline (JSON), the waivers and the enforcement (YAML): each is
/// exit 2 with the file and a position (its line, or the key path where JSON has no lines), and no stack trace.
/// </summary>
public sealed class PolicyFileInputTests : IDisposable
{
    private static readonly string Repository = Infra.Blueprints.Loading.RepositoryRoot.Find(AppContext.BaseDirectory);

    private readonly RepositoryCopy copy = new();

    public void Dispose() => copy.Dispose();

    public static TheoryData<string, byte[], string> Baselines => new()
    {
        { "empty", [], "baseline.json:1: error: at column 1: " },
        { "cut short", Encoding.UTF8.GetBytes("""{"version":1,"violations":["""), "baseline.json:1: error: at column 28: the file ends early; it looks truncated" },
        { "trailing garbage", Encoding.UTF8.GetBytes("""{"version":1,"violations":[]} x"""), "baseline.json:1: error: at column 31: malformed JSON" },
        { "not UTF-8", [.. """{"version":1,"violations":[{"stack":"st"""u8, 0xE9, .. "\"}]}"u8], "baseline.json:1: error: is not UTF-8 at column 40" },
        { "a key twice", Encoding.UTF8.GetBytes("""{"version":1,"violations":[],"version":1}"""), "baseline.json:1: error: at column 30: the key \"version\" appears twice in one object; each key may appear once" },
        { "a key twice in a violation, on line 3", Encoding.UTF8.GetBytes("{\"version\": 1,\n \"violations\": [\n  {\"stack\": \"staging\", \"urn\": \"u\", \"ruleId\": \"r\", \"stack\": \"production\"}]}"), "baseline.json:3: error: at column 51: the key \"stack\" appears twice in one object; each key may appear once" },
        { "another version", Encoding.UTF8.GetBytes("""{"version":2,"violations":[]}"""), "baseline.json: error: version: expected the number 1, as --write-baseline writes it; found 2" },
        { "no version", Encoding.UTF8.GetBytes("""{"violations":[]}"""), "baseline.json: error: version: expected the number 1, as --write-baseline writes it; found none" },
        { "a list", Encoding.UTF8.GetBytes("[]"), "baseline.json: error: expected {\"version\":1,\"violations\":[...]}" },
        { "a violation without its URN", Encoding.UTF8.GetBytes("""{"version":1,"violations":[{"stack":"staging","ruleId":"r"}]}"""), "baseline.json: error: violations[0].urn: missing text 'urn'" },
    };

    [Theory]
    [MemberData(nameof(Baselines))]
    public void A_bad_baseline_is_exit_2_with_its_position(string why, byte[] content, string error)
    {
        var run = Compliance("--baseline", Write("baseline.json", content));

        Assert.True(run.ExitCode == 2, $"{why}: exit {run.ExitCode}\n{run.Error}");
        Assert.Contains(error, run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    public static TheoryData<string, string, byte[], string> YamlFiles => new()
    {
        { "--waivers", "not UTF-8", [.. "waivers:\n  - rule: caf"u8, 0xE9, .. "\n"u8], "policy.yaml:2: error: is not UTF-8 at column 14" },
        { "--waivers", "not YAML", Encoding.UTF8.GetBytes("waivers: [\n"), "policy.yaml:1: error: invalid YAML at column 10: the [list] or {mapping} opened at line 1, column 10 is not closed" },
        { "--waivers", "a waiver without its fields", Encoding.UTF8.GetBytes("waivers:\n  - rule: aws-lb-access-logs-enabled\n"), "policy.yaml:2: error: waivers[0].resource: missing required key 'resource'" },
        { "--waivers", "an unknown key", Encoding.UTF8.GetBytes("waiver: []\n"), "policy.yaml:1: error: waiver: unknown key 'waiver'; allowed: waivers" },
        { "--waivers", "a second document", Encoding.UTF8.GetBytes("waivers: []\n---\nwaivers: []\n"), "policy.yaml:2: error: invalid YAML at column 1: a second YAML document starts here (---)" },
        { "--enforcement", "not UTF-8", [.. "rules:\n  caf"u8, 0xE9, .. ": advisory\n"u8], "policy.yaml:2: error: is not UTF-8 at column 6" },
        { "--enforcement", "a key twice", Encoding.UTF8.GetBytes("rules: {}\nrules: {}\n"), "policy.yaml:2: error: invalid YAML at column 1: Duplicate key rules" },
        { "--enforcement", "nested too deep", Encoding.UTF8.GetBytes("rules: " + new string('[', 100) + new string(']', 100) + "\n"), "policy.yaml:1: error: invalid YAML at column 71: nested more than 64 levels deep" },
    };

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void A_bad_waivers_or_enforcement_file_is_exit_2_with_its_line(string option, string why, byte[] content, string error)
    {
        var run = Compliance(option, Write("policy.yaml", content));

        Assert.True(run.ExitCode == 2, $"{option} {why}: exit {run.ExitCode}\n{run.Error}");
        Assert.Contains(error, run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(copy.Root, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>compliance over an empty export with the repository's policy files, <paramref name="option"/> replacing one of them.</summary>
    private CliRun Compliance(string option, string path)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--enforcement"] = Path.Combine(Repository, "policies", "enforcement.yaml"),
            ["--waivers"] = Path.Combine(Repository, "policies", "waivers.yaml"),
            [option] = path,
        };
        return CliRun.Infra(copy.Root, ["compliance", "--stack", "staging", "--state", Write("state.json", """{"version":3,"deployment":{"resources":[]}}"""u8.ToArray()),
            .. files.SelectMany(f => new[] { f.Key, f.Value })]);
    }
}
