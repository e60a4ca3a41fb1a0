using Spectre.Console;

namespace Infra.Cli;

/// <summary>What a command works with: where to write, the repository, and the clock.</summary>
internal sealed record CliEnvironment(IAnsiConsole Out, TextWriter Error, string WorkingDirectory, TimeProvider Clock)
{
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
}
