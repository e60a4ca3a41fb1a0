using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Infra.Blueprints.Definition;
using Infra.Policies.Benchmarking;
using Infra.Policies.Evaluation;
using Infra.Policies.Reporting;
using Infra.Policies.Rules;
using Spectre.Console;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra bench compliance --resources N</c>: writes a generated <c>pulumi stack export</c> to a
/// temporary file, then times reading it as <c>infra compliance</c> does (streamed, without collections:
/// <see cref="CollectionFreeRead"/>) and evaluating every rule, and prints wall
/// times and the peak working set. The first run is cold, as the nightly job's single run is.
/// A benchmark to run by hand on a quiet machine, never a timed test.
/// </summary>
internal static class ComplianceBenchCommand
{
    /// <summary>The targets of the compliance issue for 100,000 resources: reading the export.</summary>
    private const double TargetSeconds = 2;
    private const long TargetBytes = 500L * 1000 * 1000;

    private const string Expected = "bench compliance: expected --resources 1..2000000 and --runs 1..20";

    public static Command Create(CliEnvironment environment)
    {
        var resources = new Option<int>("--resources") { Description = "Resources in the generated export", DefaultValueFactory = _ => 100_000 }.InRange(1, 2_000_000, Expected);
        var runs = new Option<int>("--runs") { Description = "Runs: the first is cold, the others warm", DefaultValueFactory = _ => 3 }.InRange(1, 20, Expected);
        var keep = new Option<string?>("--keep-export") { Description = "Write the generated export to this file and keep it (scripts/bench/compliance-side-by-side.sh times other tools on it)" };
        var command = new Command("compliance", "Read a generated stack export and evaluate every rule over it; print times and peak memory.")
        {
            resources,
            runs,
            keep,
        };
        command.SetAction(parsed => Run(parsed.GetValue(resources), parsed.GetValue(runs), parsed.GetValue(keep), environment));
        return command;
    }

    private static int Run(int resourceCount, int runCount, string? keptExport, CliEnvironment environment)
    {
        var console = environment.Out;
        var export = keptExport is null
            ? Path.Combine(Path.GetTempPath(), $"infra-bench-compliance-{Environment.ProcessId}.json")
            : Path.GetFullPath(keptExport, environment.WorkingDirectory);
        var table = new Table { Title = new TableTitle("infra bench compliance"), Border = TableBorder.Rounded };
        foreach (var column in new[] { "run", "read export", "evaluate rules", "JSON report", "violations" })
        {
            table.AddColumn(column);
        }
        double coldRead = 0;
        try
        {
            using (var file = File.Create(export))
            {
                SyntheticStackExport.Write(file, resourceCount, "production");
            }
            console.MarkupLine(Markup.Escape($"Export: {Number(resourceCount)} resources, {Number(new FileInfo(export).Length / 1024)} KiB; stack production; {runCount} runs, the first cold."));
            var evaluator = new ComplianceEvaluator(RuleCatalog.All, environment.Clock);
            var context = PolicyContext.Create("production", EnvironmentKind.Production, environment.Clock);
            for (var i = 0; i < runCount; i++)
            {
                var watch = Stopwatch.StartNew();
                var set = CollectionFreeRead.ReadExport(export); // as `infra compliance` reads it
                var read = watch.Elapsed;
                watch.Restart();
                var report = evaluator.Evaluate(set, context, new EvaluationOptions());
                var evaluate = watch.Elapsed;
                watch.Restart();
                ComplianceReportWriters.For("json")!.Write(report, Stream.Null);
                var write = watch.Elapsed;
                coldRead = i == 0 ? read.TotalSeconds : coldRead;
                table.AddRow(i == 0 ? "1 (cold)" : $"{i + 1} (warm)", Milliseconds(read), Milliseconds(evaluate), Milliseconds(write), Number(report.Violations.Count));
            }
        }
        finally
        {
            if (keptExport is null)
            {
                File.Delete(export);
            }
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        console.Write(table);
        console.MarkupLine(Markup.Escape($"read, cold: {coldRead:F2} s (target < {TargetSeconds} s: {(coldRead < TargetSeconds ? "met" : "MISSED")})"));
        console.MarkupLine(Markup.Escape($"peak working set: {peak / 1_000_000} MB (target < {TargetBytes / 1_000_000} MB: {(peak < TargetBytes ? "met" : "MISSED")})"));
        return ExitCodes.Ok;
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
