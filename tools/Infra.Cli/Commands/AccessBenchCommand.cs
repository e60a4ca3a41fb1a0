using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Infra.Blueprints.Definition;
using Infra.Blueprints.People;
using Infra.Cli.Access;
using Infra.Cli.Benchmarks;
using Spectre.Console;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra bench access --people N --teams M</c>: generates a roster on the staging stack of the
/// repository and times computing everyone's access, the PeopleAccess blueprint, the report (table
/// data, CSV, Markdown and JSON), the diff with a week later, and writing and checking people.yaml.
/// The first run is cold (with JIT compilation); the next are warm. A benchmark to run by hand,
/// never a timed test. It is a subcommand of <c>infra bench</c>.
/// </summary>
internal static class AccessBenchCommand
{
    /// <summary>The target of issue 7 for 5,000 people and 200 teams: access and report under a second.</summary>
    private const double TargetSeconds = 1;

    private const string Expected = "bench access: expected --people 2..1000000, --teams 1..256 (one VPN range each) and --runs 1..20";

    public static Command Create(CliEnvironment environment, Option<string?> repository)
    {
        var people = new Option<int>("--people") { Description = "People to generate", DefaultValueFactory = _ => 5_000 }.InRange(2, 1_000_000, Expected);
        var teams = new Option<int>("--teams") { Description = "Teams to generate", DefaultValueFactory = _ => 200 }.InRange(1, 256, Expected);
        var runs = new Option<int>("--runs") { Description = "Runs: the first is cold, the others warm", DefaultValueFactory = _ => 3 }.InRange(1, 20, Expected);
        var command = new Command("access", "Compute access, the blueprint, the report and a diff for a generated roster; print times.")
        {
            people,
            teams,
            runs,
        };
        command.SetAction(parsed => Run(parsed.GetValue(people), parsed.GetValue(teams), parsed.GetValue(runs), parsed.GetValue(repository), environment));
        return command;
    }

    private sealed record Timing(TimeSpan Access, TimeSpan Blueprint, TimeSpan Report, TimeSpan Diff, TimeSpan Yaml)
    {
        public TimeSpan AccessAndReport => Access + Report;
    }

    private static int Run(int peopleCount, int teamCount, int runCount, string? repository, CliEnvironment environment)
    {
        var loaded = StackLoading.Load(repository, "staging", environment, "bench access");
        if (!loaded.Loaded)
        {
            return loaded.ExitCode;
        }
        var staging = loaded.Definition;
        var today = environment.Today;
        var definition = staging with { Catalog = PeopleRosterGenerator.Catalog(peopleCount, teamCount, today, staging.Catalog) };
        var timings = new List<Timing>();
        string counts = "";
        for (var i = 0; i < runCount; i++)
        {
            var (timing, summary) = Once(definition, today);
            timings.Add(timing);
            counts = summary;
        }

        var table = new Table { Title = new TableTitle("infra bench access"), Border = TableBorder.Rounded };
        foreach (var column in new[] { "run", "access", "blueprint", "report (csv+md+json)", "access + report", "diff (+7 days)", "people.yaml write + check" })
        {
            table.AddColumn(column);
        }
        for (var i = 0; i < timings.Count; i++)
        {
            var t = timings[i];
            table.AddRow(i == 0 ? "1 (cold)" : string.Create(CultureInfo.InvariantCulture, $"{i + 1} (warm)"),
                Milliseconds(t.Access), Milliseconds(t.Blueprint), Milliseconds(t.Report), Milliseconds(t.AccessAndReport), Milliseconds(t.Diff), Milliseconds(t.Yaml));
        }
        environment.Out.Write(table);
        environment.Out.MarkupLine(Markup.Escape(counts));
        var cold = timings[0].AccessAndReport.TotalSeconds;
        environment.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"access + report, cold: {cold:F3} s (target < {TargetSeconds} s: {(cold < TargetSeconds ? "met" : "MISSED")})")));
        return ExitCodes.Ok;
    }

    private static (Timing Timing, string Counts) Once(StackDefinition definition, DateOnly today)
    {
        var watch = Stopwatch.StartNew();
        var snapshot = AccessCalculator.Calculate(definition, today);
        var access = watch.Elapsed;

        watch.Restart();
        var blueprint = PeopleAccessBlueprints.For(definition, today);
        var build = watch.Elapsed;

        watch.Restart();
        var bytes = Enum.GetValues<AccessReportFormat>().Where(f => f != AccessReportFormat.Table).Sum(f => (long)AccessReportWriter.Text(snapshot, f).Length);
        var report = watch.Elapsed;

        watch.Restart();
        var diff = AccessDiff.Between(snapshot, AccessCalculator.Calculate(definition, today.AddDays(7)));
        var diffTime = watch.Elapsed;

        watch.Restart();
        var yaml = PeopleYaml.Write(definition.Catalog.People);
        var errors = PeopleCatalogChecks.Validate(yaml, definition.Catalog.Teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal), AccessApprovers.Of(definition)).Count(d => d.IsError);
        var yamlTime = watch.Elapsed;

        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{definition.Catalog.People.Count:N0} people, {definition.Catalog.Teams.Count:N0} teams: {snapshot.People.Count():N0} with access, {snapshot.Entries.Count:N0} entries, {bytes / 1024:N0} KiB of reports; "
            + $"blueprint: {blueprint.Identities.Count:N0} Vault entities, {blueprint.VpnCertificateSigners.Count:N0} VPN certificate signers, {blueprint.ConsulTokens.Count:N0} Consul tokens; "
            + $"diff with a week later: {diff.Changes.Count:N0} changes; people.yaml {yaml.Length / 1024:N0} KiB, {errors} errors.");
        return (new Timing(access, build, report, diffTime, yamlTime), counts);
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms";
}
