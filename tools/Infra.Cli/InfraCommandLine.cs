using System.CommandLine;
using Infra.Cli.Commands;

namespace Infra.Cli;

/// <summary>The <c>infra</c> command line: parses, reports usage errors with exit code 2, runs the command.</summary>
internal static class InfraCommandLine
{
    public static int Run(string[] args, CliEnvironment environment)
    {
        var root = new RootCommand("The bank's infrastructure: validate stacks and catalogs, and plan what a stack will hold.")
        {
            ValidateCommand.Create(environment),
            PlanCommand.Create(environment),
            ComplianceCommand.Create(environment),
            DrillCommand.Create(environment),
            AccessCommand.Create(environment),
            HrCommand.Create(environment),
            BenchCommand.Create(environment),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                environment.Error.WriteLine($"infra: {error.Message}");
            }
            environment.Error.WriteLine("Run 'infra --help' for usage.");
            return ExitCodes.BadInput;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = environment.Out.Profile.Out.Writer, Error = environment.Error });
    }
}
