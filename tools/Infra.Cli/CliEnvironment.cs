using Spectre.Console;

namespace Infra.Cli;

/// <summary>
/// What a command works with: where to write, the repository, the clock, and the environment
/// variables (a function, so that tests set a secret without touching the process's environment).
/// </summary>
internal sealed record CliEnvironment(IAnsiConsole Out, TextWriter Error, string WorkingDirectory, TimeProvider Clock, Func<string, string?>? Variables = null)
{
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public string? Variable(string name) => (Variables ?? Environment.GetEnvironmentVariable)(name);
}
