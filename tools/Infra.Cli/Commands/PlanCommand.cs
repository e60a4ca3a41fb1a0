using System.CommandLine;
using System.Globalization;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.Planning;
using Infra.Blueprints.Stacks;
using Infra.Cli.Rendering;
using Infra.Policies.Reading;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra plan --stack NAME [--output table|json] [--state FILE]</c>: what the stack will hold,
/// offline; with <c>--state</c>, also the topic changes against a <c>pulumi stack export</c>.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliEnvironment environment, Option<string?> repository)
    {
        var stack = CommonOptions.Stack(required: true);
        var output = CommonOptions.Format<PlanFormat>("--output", "How to show the plan");
        var state = new Option<string?>("--state")
        {
            Description = "A `pulumi stack export` file of the stack: list the Kafka topic changes against it; exit 1 when one is refused",
        };
        var command = new Command("plan", "Show what a stack will hold, computed from its config and the catalogs; exit 1 when they are invalid or a topic change is refused.")
        {
            stack,
            output,
            state,
        };
        command.SetAction(parsed => Run(parsed.GetValue(stack)!, parsed.GetValue(output), parsed.GetValue(state), parsed.GetValue(repository), environment));
        return command;
    }

    private static int Run(string stackName, PlanFormat output, string? statePath, string? repository, CliEnvironment environment)
    {
        // An unreadable state is bad input: it is reported before anything is checked.
        var deployed = statePath is null ? null : ReadState(statePath, environment);
        if (statePath is not null && deployed is null)
        {
            return ExitCodes.BadInput;
        }
        var loaded = StackLoading.Load(repository, stackName, environment, "plan", "nothing planned");
        if (!loaded.Loaded)
        {
            return loaded.ExitCode;
        }
        var definition = loaded.Definition;
        var plan = StackPlanner.Plan(definition, environment.Today);
        var blueprint = StackBlueprint.For(definition, environment.Today);
        var changes = deployed is null ? null : KafkaChangePlanner.Compare(blueprint.Kafka, deployed);
        if (output == PlanFormat.Json)
        {
            environment.Out.Profile.Out.Writer.WriteLine(PlanJson.Serialize(plan, blueprint, changes));
        }
        else
        {
            PlanTables.Render(plan, environment.Out);
            FleetTables.Render(blueprint.Fleets, environment.Out);
            FleetTables.RenderRegional(blueprint.EbsKeyGrants, blueprint.SessionLogging, environment.Out);
            SloTables.Render(blueprint.Monitoring.Slos, environment.Out);
            VaultTables.Render(blueprint.Vault, environment.Out);
            KafkaTables.Render(blueprint.Kafka, changes, environment.Out);
            PlanTables.RenderCounts(blueprint.Counts, environment.Out);
        }
        if (changes is { HasRefused: true })
        {
            environment.Error.WriteLine($"infra: {changes.Changes.Count(c => c.Refused)} refused topic changes on stack '{stackName}'; see the reasons in the plan.");
            return ExitCodes.Failed;
        }
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The topics of the export, streamed (<see cref="DeployedTopics"/>): a file that is not an export (even
    /// <c>/dev/zero</c>) is reported with its position, never read whole into memory.
    /// </summary>
    private static IReadOnlyList<DeployedTopic>? ReadState(string statePath, CliEnvironment environment)
    {
        try
        {
            return DeployedTopics.ReadFile(Path.GetFullPath(statePath, environment.WorkingDirectory));
        }
        catch (StateFileException e) when (e.InnerException is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"infra: --state {statePath}: cannot be read: {e.InnerException.Message}");
        }
        catch (StateFileException e)
        {
            environment.Error.WriteLine($"infra: --state {statePath}: {Position(e)}{e.Problem.TrimEnd('.')}; expected the output of `pulumi stack export`");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"infra: --state {statePath}: cannot be read: {e.Message}");
        }
        return null;
    }

    /// <summary>Where in the file: <c>line L, byte B</c> (the byte in the line, 1-based), and the offset in the file when known.</summary>
    private static string Position(StateFileException e) => e.Line is { } line
        ? string.Create(CultureInfo.InvariantCulture, $"line {line}, byte {e.Column ?? 1}{(e.ByteOffset is { } offset ? $" (offset {offset})" : "")}: ")
        : "";
}

/// <summary>The formats of <c>infra plan --output</c>.</summary>
internal enum PlanFormat
{
    Table,
    Json,
}
