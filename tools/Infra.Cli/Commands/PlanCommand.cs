using System.CommandLine;
using Infra.Blueprints.Planning;
using Infra.Cli.Rendering;
using Spectre.Console;

namespace Infra.Cli.Commands;

/// <summary><c>infra plan --stack NAME [--output table|json]</c>: what the stack will hold, offline.</summary>
internal static class PlanCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var stack = CommonOptions.Stack(required: true);
        var repository = CommonOptions.Repository();
        var output = new Option<string>("--output")
        {
            Description = "How to show the plan",
            DefaultValueFactory = _ => "table",
        };
        output.AcceptOnlyFromAmong("table", "json");
        var command = new Command("plan", "Show what a stack will hold, computed from its config and the catalogs; exit 1 when they are invalid.")
        {
            stack,
            output,
            repository,
        };
        command.SetAction(parsed => Run(parsed.GetValue(stack)!, parsed.GetValue(output)!, parsed.GetValue(repository), environment));
        return command;
    }

    private static int Run(string stackName, string output, string? repository, CliEnvironment environment)
    {
        if (RepositoryLocator.Open(repository, environment) is not { } loader)
        {
            return ExitCodes.BadInput;
        }
        if (!loader.StackNames().Contains(stackName))
        {
            environment.Error.WriteLine($"infra: --stack {stackName}: no such stack; stacks of this repository: {string.Join(", ", loader.StackNames())}");
            return ExitCodes.BadInput;
        }
        var result = loader.LoadFromFiles(stackName);
        if (result.Definition is not { } definition)
        {
            foreach (var error in result.Errors)
            {
                environment.Error.WriteLine(error.ToString());
            }
            environment.Error.WriteLine($"infra: stack '{stackName}' is invalid ({result.Errors.Count()} errors); nothing planned. Run 'infra validate --stack {stackName}'.");
            return ExitCodes.Failed;
        }
        var plan = StackPlanner.Plan(definition, environment.Today);
        if (output == "json")
        {
            environment.Out.Profile.Out.Writer.WriteLine(PlanJson.Serialize(plan));
        }
        else
        {
            PlanTables.Render(plan, environment.Out);
        }
        return ExitCodes.Ok;
    }
}
