using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace Infra.Cli.Tests;

/// <summary>Runs the <c>infra</c> command in-process, as the program does, and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static CliRun Infra(string workingDirectory, params string[] args) => Infra(workingDirectory, Now, null, args);

    /// <summary>Runs at <paramref name="now"/>, with <paramref name="variables"/> as the environment variables (null: the process's).</summary>
    public static CliRun Infra(string workingDirectory, DateTimeOffset now, IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var (environment, output, error) = Environment(workingDirectory, now, variables);
        var exitCode = InfraCommandLine.Run(args, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>An environment that writes to strings, without colours, with a fixed clock.</summary>
    public static (CliEnvironment Environment, StringWriter Output, StringWriter Error) Environment(
        string workingDirectory, DateTimeOffset now, IReadOnlyDictionary<string, string>? variables)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 250;
        Func<string, string?>? lookup = variables is null ? null : name => variables.GetValueOrDefault(name);
        return (new CliEnvironment(console, error, workingDirectory, new FakeTimeProvider(now), lookup), output, error);
    }
}
