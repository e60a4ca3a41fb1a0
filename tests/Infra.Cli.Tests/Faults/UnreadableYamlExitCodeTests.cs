using Infra.Blueprints.Tests.Support;

namespace Infra.Cli.Tests.Faults;

/// <summary>
/// Every command that loads a stack tells bad input from a broken rule: a stack file or catalog that cannot be
/// read as YAML is exit 2 (nothing was checked), a file that was read and breaks a rule is exit 1.
/// </summary>
public sealed class UnreadableYamlExitCodeTests : IDisposable
{
    private readonly RepositoryCopy copy = new();

    public void Dispose() => copy.Dispose();

    public static TheoryData<string> StackCommands => new()
    {
        "validate",
        "validate --stack staging",
        "plan --stack staging",
        "compliance --stack staging --state state.json",
        "drill region-switch --stack staging",
        "slo export --stack staging",
        "access report --stack staging",
        "access diff --stack staging --from 2026-11-01 --to 2026-12-01",
        "hr format",
        "hr apply --event EVENT",
    };

    [Theory]
    [MemberData(nameof(StackCommands))]
    public void A_stack_file_that_is_not_yaml_is_exit_2_with_its_position(string command)
    {
        copy.Edit(Files.Staging, "infra:costCenter: CC-4100", "infra:costCenter: [CC-4100");

        var run = Run(command);

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}\n{run.Output}{run.Error}");
        Assert.Contains($"{Files.Staging}:{copy.LineOf(Files.Staging, "[CC-4100")}: error: is not valid YAML", run.Output + run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    [Theory]
    [MemberData(nameof(StackCommands))]
    public void A_catalog_nested_too_deep_is_exit_2_with_its_position(string command)
    {
        File.AppendAllText(Path.Combine(copy.Root, Files.Teams), "deep: " + new string('[', 100) + new string(']', 100) + "\n");

        var run = Run(command);

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}\n{run.Output}{run.Error}");
        Assert.Contains($"{Files.Teams}:", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("nested more than 64 levels deep", run.Output + run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    [Theory]
    [MemberData(nameof(StackCommands))]
    public void A_people_yaml_that_is_not_utf8_is_exit_2_with_its_position(string command)
    {
        var path = Path.Combine(copy.Root, Files.People);
        var bytes = File.ReadAllBytes(path);
        var at = Array.IndexOf(bytes, (byte)'C', Array.IndexOf(bytes, (byte)'\n'));
        bytes[at] = 0xC7;
        File.WriteAllBytes(path, bytes);

        var run = Run(command);

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}\n{run.Output}{run.Error}");
        Assert.Contains($"{Files.People}:", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("error: is not UTF-8 at column", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("canonical form", run.Output + run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    [Theory]
    [MemberData(nameof(StackCommands))]
    public void A_missing_catalog_is_exit_2(string command)
    {
        copy.Delete(Files.Topics);

        var run = Run(command);

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}\n{run.Output}{run.Error}");
        Assert.Contains($"{Files.Topics}: error: the file does not exist", run.Output + run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    [Theory]
    [MemberData(nameof(StackCommands))]
    public void A_file_that_reads_but_breaks_a_rule_is_exit_1(string command)
    {
        copy.Edit(Files.Staging, "infra:costCenter: CC-4100", "infra:costCenter: CC-41");

        var run = Run(command);

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}\n{run.Output}{run.Error}");
        Assert.Contains("infra:costCenter: 'CC-41' is not valid", run.Output + run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
    }

    /// <summary>Runs the command line in the copy; <c>EVENT</c> becomes a signed hire, valid on its own.</summary>
    private CliRun Run(string command) => People.PeopleCli.Run(copy.Root, SignedEvents.Arguments(copy.Root, command, "evt-exit", "exitcode"));
}
