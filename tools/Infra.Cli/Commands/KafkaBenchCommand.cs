using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Kafka;
using Infra.Cli.Benchmarks;
using Infra.Policies.Benchmarking;
using Spectre.Console;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra bench kafka --topics N --services M</c>: generates a topic catalog (YAML, in memory)
/// and a state export (a temporary file), then times reading and validating the catalog, computing
/// the blueprint with its ACLs, and comparing it with the state. The first run is cold (it includes
/// JIT compilation, as a CI job's single run does); the next runs are warm. Prints wall times and
/// peak memory. A benchmark to run by hand on a quiet machine, never a timed test. It is a
/// subcommand of <c>infra bench</c>.
/// </summary>
internal static class KafkaBenchCommand
{
    /// <summary>The targets of issue 5 for 20,000 topics and 200 services: validate and plan.</summary>
    private const double TargetSeconds = 2;
    private const long TargetBytes = 300L * 1000 * 1000;

    private const string Expected = "bench kafka: expected --topics 1..1000000, --services 3..100000 and --runs 1..20";

    public static Command Create(CliEnvironment environment)
    {
        var topics = new Option<int>("--topics") { Description = "Topics to generate", DefaultValueFactory = _ => 20_000 }.InRange(1, 1_000_000, Expected);
        var services = new Option<int>("--services") { Description = "Services that produce and consume them", DefaultValueFactory = _ => 200 }.InRange(3, 100_000, Expected);
        var runs = new Option<int>("--runs") { Description = "Runs: the first is cold, the others warm", DefaultValueFactory = _ => 3 }.InRange(1, 20, Expected);
        var command = new Command("kafka", "Validate and plan a generated catalog of Kafka topics and compare it with a generated state; print times and peak memory.")
        {
            topics,
            services,
            runs,
        };
        command.SetAction(parsed => RunKafka(parsed.GetValue(topics), parsed.GetValue(services), parsed.GetValue(runs), environment));
        return command;
    }

    private sealed record Run(TimeSpan Validate, TimeSpan Plan, TimeSpan Compare, TimeSpan ProcessorTime, string Counts)
    {
        public TimeSpan ValidateAndPlan => Validate + Plan;
    }

    private static int RunKafka(int topicCount, int serviceCount, int runCount, CliEnvironment environment)
    {
        var console = environment.Out;
        var yaml = KafkaCatalogGenerator.CatalogYaml(topicCount, serviceCount);
        console.MarkupLine(Markup.Escape($"Catalog: {Number(topicCount)} topics, {Number(serviceCount)} services, {Number(KafkaCatalogGenerator.Teams)} teams ({Number(yaml.Length / 1024)} KiB of YAML); stack production; {runCount} runs, the first cold."));
        var state = Path.Combine(Path.GetTempPath(), $"infra-bench-{Environment.ProcessId}.json");
        var runs = new List<Run>();
        try
        {
            for (var i = 0; i < runCount; i++)
            {
                if (Once(yaml, serviceCount, state, environment) is not { } run)
                {
                    return ExitCodes.Failed;
                }
                runs.Add(run);
            }
        }
        finally
        {
            File.Delete(state);
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;

        var table = new Table { Title = new TableTitle("infra bench kafka"), Border = TableBorder.Rounded };
        foreach (var column in new[] { "run", "read + validate", "blueprint + ACLs", "validate + plan", "CPU time of validate + plan", "state read + compare" })
        {
            table.AddColumn(column);
        }
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            table.AddRow(i == 0 ? "1 (cold)" : $"{i + 1} (warm)", Milliseconds(r.Validate), Milliseconds(r.Plan), Milliseconds(r.ValidateAndPlan), Milliseconds(r.ProcessorTime), Milliseconds(r.Compare));
        }
        console.Write(table);
        console.MarkupLine(Markup.Escape(runs[0].Counts));
        var cold = runs[0].ValidateAndPlan.TotalSeconds;
        console.MarkupLine(Markup.Escape($"validate + plan, cold: {cold:F2} s (target < {TargetSeconds} s: {(cold < TargetSeconds ? "met" : "MISSED")})"));
        console.MarkupLine(Markup.Escape($"peak working set: {peak / 1_000_000} MB (target < {TargetBytes / 1_000_000} MB: {(peak < TargetBytes ? "met" : "MISSED")}); allocated in all: {GC.GetTotalAllocatedBytes() / 1_000_000} MB"));
        return ExitCodes.Ok;
    }

    private static Run? Once(string yaml, int serviceCount, string state, CliEnvironment environment)
    {
        var teams = Enumerable.Range(0, KafkaCatalogGenerator.Teams).Select(KafkaCatalogGenerator.Team).ToHashSet(StringComparer.Ordinal);
        var services = Enumerable.Range(0, serviceCount).Select(KafkaCatalogGenerator.Service).ToHashSet(StringComparer.Ordinal);
        var stacks = new HashSet<string>(["production", "staging"], StringComparer.Ordinal);

        // Processor time (all threads: JIT, GC) tells apart work from waiting on a busy machine.
        using var process = Process.GetCurrentProcess();
        var processorBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var (topics, diagnostics) = KafkaTopicCatalogReader.Read(new StringReader(yaml), "production", EnvironmentKind.Production, stacks, teams, services);
        var validate = watch.Elapsed;
        if (diagnostics.FirstOrDefault(d => d.IsError) is { } error)
        {
            environment.Error.WriteLine($"infra: bench kafka: the generated catalog is invalid: {error}");
            return null;
        }
        watch.Restart();
        var blueprint = KafkaTopicCatalog.For("production", EnvironmentKind.Production, topics);
        var plan = watch.Elapsed;
        process.Refresh();
        var processorTime = process.TotalProcessorTime - processorBefore;

        if (!File.Exists(state))
        {
            WriteState(blueprint, state);
        }
        watch.Restart();
        var changes = KafkaChangePlanner.Compare(blueprint, DeployedTopics.ReadFile(state));
        var compare = watch.Elapsed;
        var counts = $"{Number(blueprint.Topics.Count)} topics, {Number(blueprint.Acls.Count)} ACLs, {Number(blueprint.Topics.Sum(t => t.Config.Count))} configs written; "
            + $"against a {Number(new FileInfo(state).Length / 1024)} KiB state export: {Number(changes.Changes.Count)} changes ({changes.Changes.Count(c => c.Refused)} refused), {Number(changes.Unchanged)} unchanged.";
        return new Run(validate, plan, compare, processorTime, counts);
    }

    /// <summary>
    /// The state of the blueprint's topics as Pulumi would have written it (by the one export generator,
    /// <see cref="SyntheticStackExport"/>), with drift: one topic in 1,000 missing (create), one in 50 with a partition
    /// less (update), and ten topics no longer in the catalog (refused deletes).
    /// </summary>
    private static void WriteState(KafkaTopicsBlueprint blueprint, string path)
    {
        var deployed = blueprint.Topics
            .Select((topic, i) => (Topic: topic, Index: i + 1))
            .Where(t => t.Index % 1000 != 0)
            .Select(t => new SyntheticTopic(t.Topic.Name, t.Index % 50 == 0 ? t.Topic.Partitions - 1 : t.Topic.Partitions, t.Topic.ReplicationFactor,
                [.. t.Topic.Config.Select(c => KeyValuePair.Create(c.Key, c.Value))]))
            .Concat(Enumerable.Range(0, 10).Select(gone => new SyntheticTopic($"legacy.entity-{gone}.changed.v1", 3, 3, [])));
        using var file = File.Create(path);
        SyntheticStackExport.WriteKafkaTopics(file, deployed, blueprint.Stack);
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
