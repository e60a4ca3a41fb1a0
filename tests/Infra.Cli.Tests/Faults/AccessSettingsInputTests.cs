using Infra.Blueprints.People;
using Infra.Blueprints.Tests.Support;
using Infra.Cli.Tests.People;

namespace Infra.Cli.Tests.Faults;

/// <summary>
/// The commands that apply stacks/catalog/access.yaml's limit stop on a broken file as validate reports it: exit 2
/// when it cannot be read as YAML (a folder, a syntax error), exit 1 when it reads and holds no valid limit; never
/// the default limit in its place, never a write.
/// </summary>
public sealed class AccessSettingsInputTests : IDisposable
{
    private readonly RepositoryCopy copy = new();

    public void Dispose() => copy.Dispose();

    public static TheoryData<string> Commands => new()
    {
        "hr apply --event EVENT",
        "access diff --stack staging --from 2026-11-22 --to 2026-12-01 --enforce-limit",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_negative_limit_is_exit_1_with_its_line(string command)
    {
        copy.Edit(AccessSettings.File, "maxPeopleLosingAccess: 3", "maxPeopleLosingAccess: -1");
        var before = copy.Read(Files.People);

        var run = Run(command);

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}\n{run.Output}{run.Error}");
        Assert.Contains($"{AccessSettings.File}:4: error: maxPeopleLosingAccess: must be a whole number of 0 or more", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{AccessSettings.File} is invalid; nothing done", run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
        Assert.Equal(before, copy.Read(Files.People));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_folder_in_place_of_the_file_is_exit_2_not_the_default_limit(string command)
    {
        copy.Delete(AccessSettings.File);
        Directory.CreateDirectory(Path.Combine(copy.Root, AccessSettings.File));
        var before = copy.Read(Files.People);

        var run = Run(command);

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}\n{run.Output}{run.Error}");
        Assert.Contains($"{AccessSettings.File}: error: is a folder", run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
        Assert.Equal(before, copy.Read(Files.People));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_syntax_error_is_exit_2_with_its_position(string command)
    {
        copy.Edit(AccessSettings.File, "maxPeopleLosingAccess: 3", "maxPeopleLosingAccess: {3");

        var run = Run(command);

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}\n{run.Output}{run.Error}");
        Assert.Contains($"{AccessSettings.File}:4: error: is not valid YAML at column 24", run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    /// <summary>Runs the command line in the copy; <c>EVENT</c> becomes a signed hire, valid on its own.</summary>
    private CliRun Run(string command) => PeopleCli.Run(copy.Root, SignedEvents.Arguments(copy.Root, command, "evt-limit", "limit"));
}
