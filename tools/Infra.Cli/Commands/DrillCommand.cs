using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Infra.Blueprints.Drills;
using Spectre.Console;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra drill region-switch --stack NAME [--to REGION] [--output text|markdown|json]</c>: the
/// pre-checks, steps, RPO/RTO and rollback of switching the stack's databases to the other region,
/// from its config and the durations the last drill measured (<c>stacks/drills/&lt;stack&gt;.region-switch.json</c>,
/// when there is one). Exit 0 when every offline pre-check passes, 1 when one fails, 2 on bad usage or a broken record.
/// </summary>
internal static partial class DrillCommand
{
    public static Command Create(CliEnvironment environment, Option<string?> repository)
    {
        var stack = CommonOptions.Stack(required: true);
        var to = new Option<string?>("--to")
        {
            Description = "The region to switch the writers to; default and only choice: the stack's secondary region",
        };
        var output = CommonOptions.Format<DrillFormat>("--output", "text for a terminal, markdown for the change record's runbook, json for tools");
        var regionSwitch = new Command("region-switch", "Plan the switch of the stack's databases to the other region: pre-checks, steps, RPO and RTO, rollback; exit 1 when a pre-check fails.")
        {
            stack,
            to,
            output,
        };
        regionSwitch.SetAction(parsed => Run(parsed.GetValue(stack)!, parsed.GetValue(to), parsed.GetValue(output), parsed.GetValue(repository), environment));
        return new Command("drill", "Rehearsed operations: the quarterly region switch.") { regionSwitch };
    }

    private static int Run(string stackName, string? target, DrillFormat output, string? repository, CliEnvironment environment)
    {
        var loaded = StackLoading.Load(repository, stackName, environment, "drill region-switch", "no drill planned");
        if (!loaded.Loaded)
        {
            return loaded.ExitCode;
        }
        var definition = loaded.Definition;
        if (RegionSwitchDrill.CheckTarget(definition, target) is { } wrongTarget)
        {
            environment.Error.WriteLine($"infra: {wrongTarget}");
            return ExitCodes.BadInput;
        }
        var recordFile = DrillRecord.PathOf(stackName);
        var recordPath = Path.Combine(loaded.Loader!.RepositoryRoot, recordFile);
        DrillRecord? lastDrill = null;
        if (File.Exists(recordPath))
        {
            lastDrill = DrillRecordReader.Read(File.ReadAllText(recordPath), recordFile, stackName, out var recordError);
            if (recordError is not null)
            {
                environment.Error.WriteLine($"infra: {recordError}");
                return ExitCodes.BadInput;
            }
        }
        var plan = RegionSwitchDrill.Plan(definition, lastDrill);
        var writer = environment.Out.Profile.Out.Writer;
        switch (output)
        {
            case DrillFormat.Markdown:
                writer.Write(RegionSwitchRunbook.Markdown(plan, environment.Today));
                break;
            case DrillFormat.Json:
                writer.WriteLine(JsonSerializer.Serialize(ToJson(plan), DrillJsonContext.Default.DrillJson));
                break;
            default:
                RenderText(plan, environment.Out);
                break;
        }
        if (!plan.Ready)
        {
            environment.Error.WriteLine($"infra: {plan.PreChecks.Count(c => c.Status == DrillCheckStatus.Failed)} pre-check(s) failed for the switch of stack '{stackName}' to {plan.To}; fix them before the drill.");
            return ExitCodes.Failed;
        }
        return ExitCodes.Ok;
    }

    private static void RenderText(RegionSwitchPlan plan, IAnsiConsole console)
    {
        console.MarkupLine(Markup.Escape($"Region switch of stack {plan.Stack} ({Name(plan.Environment)}): {plan.From} -> {plan.To}"));
        var checks = new Table().Border(TableBorder.Simple).Title("Pre-checks");
        foreach (var column in new[] { "status", "check", "subject", "detail" })
        {
            checks.AddColumn(column);
        }
        foreach (var check in plan.PreChecks)
        {
            var status = check.Status switch
            {
                DrillCheckStatus.Passed => "[green]passed[/]",
                DrillCheckStatus.Failed => "[red]FAILED[/]",
                _ => "[yellow]manual[/]",
            };
            checks.AddRow(status, Markup.Escape(check.Id), Markup.Escape(check.Subject), Markup.Escape(check.Detail));
        }
        console.Write(checks);
        console.MarkupLine(Markup.Escape($"Planned switchover: {plan.PlannedObjective.Summary} ({plan.PlannedObjective.Explanation})"));
        console.MarkupLine(Markup.Escape($"Disaster failover: {plan.FailoverObjective.Summary} ({plan.FailoverObjective.Explanation})"));
        foreach (var (title, steps) in new[] { ("Planned switchover", plan.PlannedSwitchover), ("Disaster failover", plan.DisasterFailover), ("Rollback", plan.Rollback) })
        {
            console.MarkupLine("");
            console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
            // Unwrapped, so that every command can be copied as one line.
            var writer = console.Profile.Out.Writer;
            for (var i = 0; i < steps.Count; i++)
            {
                writer.WriteLine($"{i + 1}. {steps[i].Title}. {steps[i].Detail}");
                foreach (var command in steps[i].Commands)
                {
                    writer.WriteLine("     $ " + command);
                }
            }
        }
        console.MarkupLine(plan.Ready
            ? "[green]Every offline pre-check passed[/]; do the manual ones live in step 2."
            : "[red]A pre-check failed[/]: fix it before the switch.");
    }

    private static DrillJson ToJson(RegionSwitchPlan plan) => new(
        plan.Stack,
        Name(plan.Environment),
        plan.From,
        plan.To,
        plan.Ready,
        [.. plan.PreChecks.Select(c => new CheckJson(c.Id, c.Subject, Name(c.Status), c.Detail))],
        Objective(plan.PlannedObjective, plan.PlannedSwitchover),
        Objective(plan.FailoverObjective, plan.DisasterFailover),
        Steps(plan.Rollback));

    private static ObjectiveJson Objective(RecoveryObjective objective, IEnumerable<DrillStep> steps) =>
        new(objective.RecoveryPoint.TotalSeconds, objective.RecoveryTime.TotalSeconds, objective.Explanation, Steps(steps));

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    private static StepJson[] Steps(IEnumerable<DrillStep> steps) =>
        [.. steps.Select(s => new StepJson(s.Id, s.Title, s.Detail, s.Commands, s.Budget.TotalSeconds, s.Measured, RegionSwitchDrill.CountsTowardRto(s)))];

    private sealed record DrillJson(
        string Stack, string Environment, string From, string To, bool Ready, CheckJson[] PreChecks,
        ObjectiveJson PlannedSwitchover, ObjectiveJson DisasterFailover, StepJson[] Rollback);

    private sealed record CheckJson(string Id, string Subject, string Status, string Detail);

    private sealed record ObjectiveJson(double RpoSeconds, double RtoSeconds, string Why, StepJson[] Steps);

    /// <param name="CountsTowardRto">The service is restored once these steps are done: scripts/ci/region-drill.sh runs and times them.</param>
    private sealed record StepJson(string Id, string Title, string Detail, IReadOnlyList<string> Commands, double BudgetSeconds, bool Measured, bool CountsTowardRto);

    // Source-generated metadata (no reflection), so the command also runs compiled ahead of time.
    [JsonSerializable(typeof(DrillJson))]
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
    private sealed partial class DrillJsonContext : JsonSerializerContext;
}

/// <summary>The formats of <c>infra drill region-switch --output</c>.</summary>
internal enum DrillFormat
{
    Text,
    Markdown,
    Json,
}
