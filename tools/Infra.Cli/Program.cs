using Infra.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // CI logs and files have no terminal width: give tables room instead of wrapping every cell.
    console.Profile.Width = 200;
}
return InfraCommandLine.Run(args, new CliEnvironment(console, Console.Error, Directory.GetCurrentDirectory(), TimeProvider.System));
