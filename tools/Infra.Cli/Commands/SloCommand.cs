using System.CommandLine;
using Infra.Blueprints.Slos;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra slo export --stack NAME [--format prometheus|grafana] [--output FILE]</c>: the stack's
/// SLOs as Prometheus recording and alerting rules (sloth's shape) or as a Grafana dashboard, from
/// the same SLO blueprint as the CloudWatch alarms. Exit 0 written, 1 the stack is invalid, 2 bad
/// usage or a file that cannot be written.
/// </summary>
internal static class SloCommand
{
    public static Command Create(CliEnvironment environment, Option<string?> repository)
    {
        var stack = CommonOptions.Stack(required: true);
        var format = CommonOptions.Format<SloExportFormat>("--format", "prometheus for recording and alerting rules, grafana for a dashboard JSON");
        var output = new Option<string?>("--output") { Description = "The file to write (replaced whole); default: standard output" };
        var export = new Command("export", "Write the stack's SLOs as Prometheus rules or a Grafana dashboard, for teams that scrape the same metrics.")
        {
            stack,
            format,
            output,
        };
        export.SetAction(parsed => Run(parsed.GetValue(stack)!, parsed.GetValue(format), parsed.GetValue(output), parsed.GetValue(repository), environment));
        return new Command("slo", "Service level objectives: export them for Prometheus and Grafana.") { export };
    }

    private static int Run(string stackName, SloExportFormat format, string? output, string? repository, CliEnvironment environment)
    {
        var loaded = StackLoading.Load(repository, stackName, environment, "slo export", "nothing exported");
        if (!loaded.Loaded)
        {
            return loaded.ExitCode;
        }
        var definition = loaded.Definition;
        var slos = ServiceLevelObjectives.For(definition);
        var environmentName = definition.Environment.ToString().ToLowerInvariant();
        var text = format == SloExportFormat.Grafana
            ? GrafanaDashboard.Render(definition.StackName, environmentName, slos)
            : PrometheusRules.Render(definition.StackName, environmentName, slos);
        if (output is null)
        {
            var writer = environment.Out.Profile.Out.Writer;
            writer.Write(text);
            writer.Flush();
            return ExitCodes.Ok;
        }
        try
        {
            AtomicFile.Write(Path.GetFullPath(output, environment.WorkingDirectory), text);
        }
        catch (FileWriteException e)
        {
            environment.Error.WriteLine($"infra: slo export: {e.Message}");
            return ExitCodes.BadInput;
        }
        return ExitCodes.Ok;
    }
}
