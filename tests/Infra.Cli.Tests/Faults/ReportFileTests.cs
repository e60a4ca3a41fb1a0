using Infra.Blueprints.Tests.Support;

namespace Infra.Cli.Tests.Faults;

/// <summary>Report files: replaced whole when they are regular files, written through when they are not, and never a stack trace.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReportFileTests : IDisposable
{
    private readonly RepositoryCopy copy = new();

    public void Dispose() => copy.Dispose();

    [Fact]
    public void A_folder_as_report_target_is_a_clear_error()
    {
        var folder = Directory.CreateDirectory(Path.Combine(copy.Root, "reports")).FullName;

        var run = Compliance("--sarif", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{folder} is a folder; expected the path of a file to write", run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    [Fact]
    public void A_full_device_is_written_through_not_replaced()
    {
        var run = Compliance("--sarif", "/dev/full");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/dev/full cannot be written: No space left on device", run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
        Assert.Equal(FileKind.Kind.Special, FileKind.Of("/dev/full"));
    }

    [Fact]
    public async Task A_report_through_a_link_to_a_pipe_reaches_the_reader_and_the_pipe_stays()
    {
        var pipe = Path.Combine(copy.Root, "report.pipe");
        Assert.True(Privileges.Run("mkfifo", pipe), "mkfifo is part of coreutils on every Linux runner");
        var link = Path.Combine(copy.Root, "report.sarif");
        File.CreateSymbolicLink(link, pipe);
        var reader = Task.Run(() => File.ReadAllText(pipe));

        var run = Compliance("--sarif", link);

        Assert.True(run.ExitCode == 0, run.Error);
        var report = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("\"version\": \"2.1.0\"", report, StringComparison.Ordinal);
        Assert.Equal(FileKind.Kind.Special, FileKind.Of(pipe));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_missing_folder_names_the_path_the_user_gave_not_a_temporary_file()
    {
        var run = Compliance("--sarif", "no-such-folder/report.sarif");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such-folder/report.sarif cannot be written", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    [Fact]
    public void A_report_file_keeps_its_mode()
    {
        var path = Path.Combine(copy.Root, "report.sarif");
        File.WriteAllText(path, "old");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, mode);

        var run = Compliance("--sarif", path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Contains("2.1.0", File.ReadAllText(path), StringComparison.Ordinal);
    }

    private CliRun Compliance(params string[] extra) => RunCompliance(copy.Root, extra);

    /// <summary>infra compliance over an empty state in a repository copy, with the real repository's policy files.</summary>
    internal static CliRun RunCompliance(string root, params string[] extra)
    {
        var repository = Infra.Blueprints.Loading.RepositoryRoot.Find(AppContext.BaseDirectory);
        var state = Path.Combine(root, "empty.json");
        File.WriteAllText(state, """{"version":3,"deployment":{"resources":[]}}""");
        return CliRun.Infra(root, ["compliance", "--stack", "staging", "--state", state,
            "--enforcement", Path.Combine(repository, "policies", "enforcement.yaml"), "--waivers", Path.Combine(repository, "policies", "waivers.yaml"), .. extra]);
    }
}
