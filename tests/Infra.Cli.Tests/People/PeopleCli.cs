using System.CommandLine;
using Infra.Cli.Commands;
using Spectre.Console;

namespace Infra.Cli.Tests.People;

/// <summary>
/// Runs the people commands (hr, access, bench access) in-process, parsed as <c>infra</c> parses
/// them, with a fixed clock and a given set of environment variables.
/// </summary>
internal static class PeopleCli
{
    public const string Secret = "test-secret-shared-with-hr-0123456789abcdef";

    public static CliRun Run(string workingDirectory, params string[] args) => Run(workingDirectory, CliRun.Now, Secret, args);

    public static CliRun Run(string workingDirectory, DateTimeOffset now, string? secret, params string[] args)
    {
        var (environment, output, error) = Environment(workingDirectory, now, secret);
        var bench = new Command("bench") { AccessBenchCommand.Create(environment) };
        var root = new RootCommand { HrCommand.Create(environment), AccessCommand.Create(environment), bench };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return new CliRun(ExitCodes.BadInput, output.ToString(), string.Join("\n", parsed.Errors.Select(e => e.Message)));
        }
        var exitCode = parsed.Invoke(new InvocationConfiguration { Output = environment.Out.Profile.Out.Writer, Error = environment.Error });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static (CliEnvironment Environment, StringWriter Output, StringWriter Error) Environment(string workingDirectory, DateTimeOffset now, string? secret)
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
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (secret is not null)
        {
            variables[HrCommand.SecretVariable] = secret;
        }
        return (new CliEnvironment(console, error, workingDirectory, new FixedClock(now), name => variables.GetValueOrDefault(name)), output, error);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
