using Infra.Cli;
using Spectre.Console;

// Standard output fails as one clear error, not a stack trace (InfraCommandLine.Run).
Console.SetOut(new StandardOutputWriter(Console.Out));
var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // CI logs and files have no terminal width: give tables room instead of wrapping every cell.
    console.Profile.Width = 200;
}
return InfraCommandLine.Run(args, new CliEnvironment(console, Console.Error, Directory.GetCurrentDirectory(), TimeProvider.System));
