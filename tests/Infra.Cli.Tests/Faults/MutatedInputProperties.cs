using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Infra.Blueprints.Tests.Support;
using Infra.Cli.Tests.Kafka;
using Infra.Cli.Tests.People;

namespace Infra.Cli.Tests.Faults;

/// <summary>
/// Random mutations of the repository's real files (the stack file and the catalogs) and of real-shaped JSON inputs
/// (a state export, a preview, a signed HR event) fed to the command that reads them: whatever the bytes, no
/// exception escapes, nothing is reported as an internal error, and the exit code is 0, 1 or 2.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class MutatedInputProperties
{
    private const string Preview = """
        {"steps":[{"op":"create","urn":"urn:pulumi:staging::infra::aws:s3/bucket:Bucket::logs","newState":{"urn":"urn:pulumi:staging::infra::aws:s3/bucket:Bucket::logs","type":"aws:s3/bucket:Bucket","custom":true,"inputs":{"bucket":"logs","tags":{"team":"platform"}},"outputs":{"token":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","plaintext":"\"x\""}}}}],"changeSummary":{"create":1}}
        """;

    /// <summary>Text that YAML and JSON readers treat specially, inserted at random places.</summary>
    private static readonly string[] Specials = ["[", "{", "]", "}", "&a ", "*a", "\n---\n", "\t", "\"", "'", ": ", "\r\n", "- ", "#", "\\u0000", "9999-12-31", "\n  ", "null", "\uFEFF"];

    private static readonly string[] Targets = [Files.Staging, Files.People, Files.Teams, Files.Topics, "state", "preview", "event"];

    [Property(MaxTest = 60, QuietOnSuccess = true)]
    public void Any_mutation_of_an_input_is_read_without_an_escaping_exception(NonNegativeInt target, NonNegativeInt kind, NonNegativeInt position, NonNegativeInt length, byte value)
    {
        using var copy = new RepositoryCopy();
        var file = Targets[target.Get % Targets.Length];
        var original = file switch
        {
            "state" => Encoding.UTF8.GetBytes(StateExports.Staging),
            "preview" => Encoding.UTF8.GetBytes(Preview),
            "event" => Encoding.UTF8.GetBytes(SignedEvents.Hire("evt-prop", "property")),
            _ => File.ReadAllBytes(Path.Combine(copy.Root, file)),
        };
        var mutated = Mutate(original, kind.Get, position.Get, length.Get, value);

        var run = file switch
        {
            "state" => CliRun.Infra(copy.Root, "plan", "--stack", "staging", "--state", Write(copy, "state.json", mutated)),
            "preview" => ReportFileTests.RunCompliance(copy.Root, "--preview", Write(copy, "preview.json", mutated)),
            "event" => PeopleCli.Run(copy.Root, "hr", "apply", "--event", SignedEvents.Write(copy.Root, mutated)),
            _ => ValidateMutated(copy, file, mutated),
        };

        Assert.True(run.ExitCode is 0 or 1 or 2, $"{file}: exit {run.ExitCode}\n{run.Error}");
        NoTrace.In(run);
    }

    private static CliRun ValidateMutated(RepositoryCopy copy, string file, byte[] mutated)
    {
        File.WriteAllBytes(Path.Combine(copy.Root, file), mutated);
        return CliRun.Infra(copy.Root, "validate");
    }

    private static string Write(RepositoryCopy copy, string name, byte[] content)
    {
        var path = Path.Combine(copy.Root, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>One of: a byte replaced, a span removed, a byte inserted, a span repeated, the end cut off, or special text inserted.</summary>
    private static byte[] Mutate(byte[] original, int kind, int position, int length, byte value)
    {
        var at = original.Length == 0 ? 0 : position % original.Length;
        var span = Math.Min(1 + (length % 64), original.Length - at);
        var bytes = original.ToList();
        switch (kind % 6)
        {
            case 0:
                bytes[at] = value;
                break;
            case 1:
                bytes.RemoveRange(at, span);
                break;
            case 2:
                bytes.Insert(at, value);
                break;
            case 3:
                bytes.InsertRange(at, original.Skip(at).Take(span).Concat(original.Skip(at).Take(span)));
                break;
            case 4:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            default:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Specials[length % Specials.Length]));
                break;
        }
        return [.. bytes];
    }
}
