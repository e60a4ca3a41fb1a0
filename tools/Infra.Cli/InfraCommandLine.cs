using System.CommandLine;
using Infra.Cli.Commands;

namespace Infra.Cli;

/// <summary>The <c>infra</c> command line: parses, reports usage errors (unknown options, values the parser's validators refuse) with exit code 2, runs the command.</summary>
internal static class InfraCommandLine
{
    public static int Run(string[] args, CliEnvironment environment)
    {
        // One --repository for every command: recursive, so it is given after any subcommand.
        var repository = CommonOptions.Repository();
        var root = new RootCommand("The bank's infrastructure: validate stacks and catalogs, and plan what a stack will hold.")
        {
            repository,
            ValidateCommand.Create(environment, repository),
            PlanCommand.Create(environment, repository),
            ComplianceCommand.Create(environment, repository),
            DrillCommand.Create(environment, repository),
            AccessCommand.Create(environment, repository),
            HrCommand.Create(environment, repository),
            BenchCommand.Create(environment, repository),
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
