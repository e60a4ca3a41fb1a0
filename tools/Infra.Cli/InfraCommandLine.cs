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
        };
        foreach (var command in Commands(args, environment, repository))
        {
            root.Subcommands.Add(command);
        }
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
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = environment.Out.Profile.Out.Writer, Error = environment.Error, EnableDefaultExceptionHandler = false });
        }
        catch (StandardOutputException e)
        {
            environment.Error.WriteLine($"infra: standard output cannot be written: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug: its trace is worth the report, but it must not read as a finding (exit 1).
            environment.Error.WriteLine($"infra: internal error, please report it with what follows: {e}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>
    /// The subcommands to build: those whose name is one of the arguments, or all of them when none is
    /// named (<c>--help</c>, <c>--version</c>, a typo to suggest a name for) or the arguments may hold
    /// more (a response file <c>@FILE</c>, a directive <c>[...]</c>). Building every command with all its
    /// options costs a fifth of a short run's start (generic options jitted per value type), and a
    /// command that is not named never takes part in the parse: every argument that names a command
    /// still meets that command, so the parse, its errors and its suggestions are the same.
    /// </summary>
    private static IEnumerable<Command> Commands(string[] args, CliEnvironment environment, Option<string?> repository)
    {
        (string Name, Func<Command> Create)[] commands =
        [
            ("validate", () => ValidateCommand.Create(environment, repository)),
            ("plan", () => PlanCommand.Create(environment, repository)),
            ("compliance", () => ComplianceCommand.Create(environment, repository)),
            ("drill", () => DrillCommand.Create(environment, repository)),
            ("slo", () => SloCommand.Create(environment, repository)),
            ("access", () => AccessCommand.Create(environment, repository)),
            ("hr", () => HrCommand.Create(environment, repository)),
            ("bench", () => BenchCommand.Create(environment, repository)),
        ];
        var all = args.Any(a => a.StartsWith('@') || a.StartsWith('[')) || !commands.Any(c => args.Contains(c.Name, StringComparer.Ordinal));
        foreach (var (name, create) in commands.Where(c => all || args.Contains(c.Name, StringComparer.Ordinal)))
        {
            var command = create();
            if (command.Name != name)
            {
                throw new InvalidOperationException($"The command built for '{name}' is named '{command.Name}'.");
            }
            yield return command;
        }
    }
}
