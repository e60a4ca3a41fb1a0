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
        { "a key twice in a preview", "--preview", Encoding.UTF8.GetBytes("""{"steps":[],"steps":[]}"""), ":1:13: error: the key \"steps\" appears twice in one object; each key may appear once" },
        { "trailing garbage after a preview", "--preview", Encoding.UTF8.GetBytes("""{"steps":[]} x"""), "malformed JSON" },
        { "trailing garbage after an export", "--state", Encoding.UTF8.GetBytes("""{"version":3,"deployment":{"resources":[]}} x"""), "malformed JSON" },
        { "a URN twice in an export", "--state", Export(Bucket("logs"), Bucket("logs")), $"input.json:3:1 (byte 136): error: deployment.resources[1] ({BucketUrn}logs): the URN is in the export a second time" },
        { "an empty type in an export", "--state", Export(Bucket("logs").Replace("aws:s3/bucket:Bucket\"", "\"", StringComparison.Ordinal)), "deployment.resources[0] (urn:pulumi:staging::infra::aws:s3/bucket:Bucket::logs): 'type' is empty; expected the resource's type token" },
        { "a garbage URN in an export", "--state", Export("""{"urn":"logs-bucket","type":"aws:s3/bucket:Bucket"}"""), "input.json:2:1 (byte 41): error: deployment.resources[0] (logs-bucket): 'urn' is not a Pulumi URN; expected urn:pulumi:<stack>::<project>::<type>::<name>, found 'logs-bucket'" },
        { "a secret without its value in an export", "--state", Export(Bucket("logs", ""","inputs":{"acl":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270"}}""")), "a secret (an object with the secret signature) without its 'ciphertext' or 'plaintext' string" },
        { "an unknown step", "--preview", Preview("""{"op":"frobnicate","urn":"u"}"""), "steps[0]: 'op' is 'frobnicate'; expected one of Pulumi's steps: same, create, update, delete" },
        { "a step without op", "--preview", Preview("""{"urn":"u"}"""), "steps[0]: 'op' is missing; expected one of Pulumi's steps" },
        { "a create without its new state", "--preview", Preview($$"""{"op":"create","urn":"{{BucketUrn}}logs"}"""), "steps[0]: a 'create' step without 'newState'; `pulumi preview --json` writes the state the step leads to" },
        { "two creates of one URN", "--preview", Preview(Create(Bucket("logs")), Create(Bucket("logs"))), $"steps[1]: a second 'create' step for '{BucketUrn}logs'; a preview has one such step per resource" },
        { "a garbage URN in a preview", "--preview", Preview(Create("""{"urn":"logs","type":"aws:s3/bucket:Bucket"}""")), "steps[0]: newState: 'urn' is not a Pulumi URN" },
        { "an empty type in a preview", "--preview", Preview(Create($$"""{"urn":"{{BucketUrn}}logs","type":""}""")), "steps[0]: newState: 'type' is empty" },
        { "a secret without its value in a preview", "--preview", Preview(Create(Bucket("logs", ""","inputs":{"acl":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext":7}}"""))), "steps[0]: a secret (an object with the secret signature) without its 'ciphertext' or 'plaintext' string" },
    };

    [Theory]
    [InlineData("--state", """{"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:staging::infra::aws:s3/bucket:Bucket::logs","type":"aws:s3/bucket:Bucket","delete":true},{"urn":"urn:pulumi:staging::infra::aws:s3/bucket:Bucket::logs","type":"aws:s3/bucket:Bucket"}]}}""")]
    [InlineData("--preview", """{"steps":[{"op":"create-replacement","urn":"urn:pulumi:staging::infra::aws:s3/bucket:Bucket::logs","newState":{"urn":"urn:pulumi:staging::infra::aws:s3/bucket:Bucket::logs","type":"aws:s3/bucket:Bucket"}},{"op":"replace","urn":"urn:pulumi:staging::infra::aws:s3/bucket:Bucket::logs","newState":{"urn":"urn:pulumi:staging::infra::aws:s3/bucket:Bucket::logs","type":"aws:s3/bucket:Bucket"}},{"op":"delete-replaced","urn":"urn:pulumi:staging::infra::aws:s3/bucket:Bucket::logs","oldState":{"urn":"urn:pulumi:staging::infra::aws:s3/bucket:Bucket::logs","type":"aws:s3/bucket:Bucket"}}]}""")]
    [InlineData("--state", """{"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:staging::infra::aws:s3/bucket:Bucket::logs","type":"aws:s3/bucket:Bucket","inputs":{"acl":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext":"v1:abc"}}}]}}""")]
    public void A_replacement_under_way_and_a_secret_with_its_value_are_read(string option, string json)
    {
        var run = Run(option, Encoding.UTF8.GetBytes(json));

        Assert.True(run.ExitCode is 0 or 1, $"exit {run.ExitCode}\n{run.Error}");
        Assert.DoesNotContain("input.json", run.Error, StringComparison.Ordinal);
    }

    private const string BucketUrn = "urn:pulumi:staging::infra::aws:s3/bucket:Bucket::";

    private static string Bucket(string name, string more = "") => $"{{\"urn\":\"{BucketUrn}{name}\",\"type\":\"aws:s3/bucket:Bucket\"{more}}}";

    private static byte[] Export(params string[] resources) =>
        Encoding.UTF8.GetBytes("{\"version\":3,\"deployment\":{\"resources\":[\n" + string.Join(",\n", resources) + "]}}");

    private static string Create(string state) => $$"""{"op":"create","urn":"{{BucketUrn}}logs","newState":""" + state + "}";

    private static byte[] Preview(params string[] steps) => Encoding.UTF8.GetBytes("{\"steps\":[" + string.Join(",", steps) + "]}");

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
