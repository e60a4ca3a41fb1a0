using System.Diagnostics;
using Spectre.Console;

namespace Infra.Cli.Tests.Faults;

/// <summary>Standard output that cannot be written (a full disk, a closed stream) is one clear error with exit 2.</summary>
public sealed class StandardOutputTests
{
    private static readonly string Repository = Infra.Blueprints.Loading.RepositoryRoot.Find(AppContext.BaseDirectory);

    [Theory]
    [InlineData("validate")]
    [InlineData("plan --stack staging")]
    public void A_failing_standard_output_is_one_line_and_exit_2(string command)
    {
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(new StandardOutputWriter(new FullWriter())),
            Interactive = InteractionSupport.No,
        });
        var environment = new CliEnvironment(console, error, Repository, TimeProvider.System);

        var exitCode = InfraCommandLine.Run(command.Split(' '), environment);

        Assert.Equal(2, exitCode);
        Assert.Equal("infra: standard output cannot be written: No space left on device\n", error.ToString());
    }

    [Theory]
    [InlineData("> /dev/full", "No space left on device")]
    [InlineData(">&-", "Bad file descriptor")]
    public void The_real_program_reports_a_full_or_closed_standard_output(string redirection, string reason)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "infra.dll");
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, WorkingDirectory = Repository };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet '{program}' validate {redirection}");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.Equal($"infra: standard output cannot be written: {reason}\n", error);
    }

    /// <summary>A disk that is always full.</summary>
    private sealed class FullWriter : StringWriter
    {
        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char value) => throw new IOException("No space left on device");
    }
}
