using Infra.Blueprints.Tests.Support;
using Infra.Cli.Tests.People;

namespace Infra.Cli.Tests.Faults;

/// <summary>
/// hr apply when a file cannot be written: a clear error with exit 2 that names the file, no stack trace, and
/// people.yaml as it was (both new files are written in full before either replaces the old one).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HrApplyWriteFailureTests : IDisposable
{
    private const string Journal = "stacks/catalog/hr-journal.jsonl";
    private readonly RepositoryCopy copy = new();

    public void Dispose() => copy.Dispose();

    private string People => Path.Combine(copy.Root, Files.People);

    [Fact]
    public void A_folder_in_place_of_the_journal_is_refused_before_people_yaml_changes()
    {
        var before = copy.Read(Files.People);
        Directory.CreateDirectory(Path.Combine(copy.Root, Journal));

        var run = Apply("evt-dir", "dirjournal");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("hr-journal.jsonl", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
        Assert.Equal(before, copy.Read(Files.People));
        AssertNoTemporaryFiles();
    }

    [Fact]
    public void A_full_file_system_is_refused_before_anything_changes()
    {
        var mount = Directory.CreateTempSubdirectory("infra-full-").FullName;
        if (!Privileges.TryMountSmallFileSystem(mount, 512))
        {
            // No right to mount here (not root, or a container without it): the full device every Linux has
            // still shows that a full disk is one clear error with exit 2 and the path the user gave.
            var report = ReportFileTests.RunCompliance(copy.Root, "--sarif", "/dev/full");
            Assert.Equal(2, report.ExitCode);
            Assert.Contains("/dev/full cannot be written: No space left on device", report.Error, StringComparison.Ordinal);
            NoTrace.In(report);
            Directory.Delete(mount);
            return;
        }
        try
        {
            var repository = Path.Combine(mount, "repo");
            CopyTree(copy.Root, repository);
            var before = File.ReadAllText(Path.Combine(repository, Files.People));
            var eventPath = SignedEvents.Write(copy.Root, SignedEvents.Hire("evt-full", "fulldisk"));
            File.WriteAllBytes(Path.Combine(repository, CatalogLock.File), []);
            Fill(Path.Combine(mount, "filler"));

            var run = PeopleCli.Run(repository, "hr", "apply", "--event", eventPath);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"{Path.Combine(repository, Files.People)} cannot be written", run.Error, StringComparison.Ordinal);
            Assert.Contains("No space left on device", run.Error, StringComparison.Ordinal);
            NoTrace.In(run);
            Assert.Equal(before, File.ReadAllText(Path.Combine(repository, Files.People)));
            Assert.False(File.Exists(Path.Combine(repository, Journal)));
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(repository, "stacks", "catalog"), "*.tmp"));
        }
        finally
        {
            Privileges.Unmount(mount);
            Directory.Delete(mount, recursive: true);
        }
    }

    [Fact]
    public void An_immutable_or_read_only_people_yaml_is_refused_and_left_as_it_was()
    {
        var before = copy.Read(Files.People);
        var immutable = Privileges.TryMakeImmutable(People);
        if (!immutable)
        {
            File.SetUnixFileMode(People, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        try
        {
            var run = Apply("evt-ro", "readonly");

            if (!immutable && Privileges.IsRoot)
            {
                // root writes a read-only file, as every other program run as root does; the file keeps its mode.
                Assert.True(run.ExitCode == 0, run.Error);
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(People));
                return;
            }
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"{People} is read-only", run.Error, StringComparison.Ordinal);
            NoTrace.In(run);
            Assert.Equal(before, copy.Read(Files.People));
            Assert.False(File.Exists(Path.Combine(copy.Root, Journal)));
        }
        finally
        {
            if (immutable)
            {
                Privileges.MakeMutable(People);
            }
        }
    }

    [Fact]
    public void A_symlinked_people_yaml_is_followed_the_link_stays_and_the_mode_is_kept()
    {
        var real = Path.Combine(copy.Root, "elsewhere", "people.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(real)!);
        File.Move(People, real);
        File.CreateSymbolicLink(People, Path.Combine("..", "..", "elsewhere", "people.yaml"));
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(real, mode);

        var run = Apply("evt-link", "linked");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.NotNull(new FileInfo(People).LinkTarget);
        Assert.Contains("  - id: linked\n", File.ReadAllText(real), StringComparison.Ordinal);
        Assert.Equal(mode, File.GetUnixFileMode(real));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(real)!, "*.tmp"));
    }

    [Fact]
    public void A_temporary_file_left_by_a_killed_run_is_removed_and_ignored_by_git()
    {
        var stale = Path.Combine(copy.Root, "stacks", "catalog", $".people.yaml.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(stale, "half a people.yaml");

        Assert.Equal(0, Apply("evt-stale", "stale").ExitCode);

        Assert.False(File.Exists(stale));
        var repository = RepositoryRoot();
        Assert.True(Privileges.Run("git", "-C", repository, "check-ignore", "-q", "stacks/catalog/.people.yaml.0123.tmp"), "git sees AtomicFile's temporary files");
        Assert.True(Privileges.Run("git", "-C", repository, "check-ignore", "-q", CatalogLock.File), "git sees the hr lock file");
    }

    private static string RepositoryRoot() => Infra.Blueprints.Loading.RepositoryRoot.Find(AppContext.BaseDirectory);

    private CliRun Apply(string id, string person) =>
        PeopleCli.Run(copy.Root, "hr", "apply", "--event", SignedEvents.Write(copy.Root, SignedEvents.Hire(id, person)));

    private void AssertNoTemporaryFiles() =>
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(copy.Root, "stacks", "catalog"), "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void Fill(string path)
    {
        using var filler = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // Full: what the test wants.
        }
    }
}
