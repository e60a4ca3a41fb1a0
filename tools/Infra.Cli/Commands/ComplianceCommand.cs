using System.CommandLine;
using Infra.Blueprints.Definition;
using Infra.Policies.Enforcement;
using Infra.Policies.Evaluation;
using Infra.Policies.Model;
using Infra.Policies.Reading;
using Infra.Policies.Reporting;
using Infra.Policies.Rules;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra compliance --stack NAME (--state FILE | --preview FILE)</c>: the rules over the live
/// state (nightly) or a preview (merge requests). Exit 1 when a mandatory rule fails, 2 on bad input.
/// </summary>
internal static class ComplianceCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var stack = CommonOptions.Stack(required: true);
        var repository = CommonOptions.Repository();
        var state = new Option<string?>("--state") { Description = "A `pulumi stack export` file (the live state)" };
        var preview = new Option<string?>("--preview") { Description = "A `pulumi preview --json` file" };
        var output = new Option<string>("--output") { Description = "The format written to standard output", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong([.. ComplianceReportWriters.Formats]);
        var files = ComplianceReportWriters.Formats.Where(f => f != "table")
            .Select(f => new Option<string?>("--" + f) { Description = $"Also write the {f} report to this file" })
            .ToList();
        var baseline = new Option<string?>("--baseline") { Description = "Only violations not in this baseline (JSON) fail" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write the violations found as a baseline to this file" };
        var enforcement = new Option<string>("--enforcement") { Description = "Enforcement overrides per rule and stack", DefaultValueFactory = _ => "policies/enforcement.yaml" };
        var waivers = new Option<string>("--waivers") { Description = "Waivers with justification, approver and expiry", DefaultValueFactory = _ => "policies/waivers.yaml" };
        var command = new Command("compliance", "Check resources against the compliance rules; exit 1 when a mandatory rule fails, 2 on bad input.")
        {
            stack, state, preview, output, baseline, writeBaseline, enforcement, waivers, repository,
        };
        foreach (var file in files)
        {
            command.Options.Add(file);
        }
        command.SetAction(parsed => Run(
            new ComplianceRequest(
                parsed.GetValue(stack)!,
                parsed.GetValue(state),
                parsed.GetValue(preview),
                parsed.GetValue(output)!,
                files.Select(f => (Format: f.Name[2..], Path: parsed.GetValue(f))).Where(f => f.Path is not null).Select(f => (f.Format, f.Path!)).ToList(),
                parsed.GetValue(baseline),
                parsed.GetValue(writeBaseline),
                parsed.GetValue(enforcement)!,
                parsed.GetValue(waivers)!),
            parsed.GetValue(repository),
            environment));
        return command;
    }

    private static int Run(ComplianceRequest request, string? repository, CliEnvironment environment)
    {
        if (RepositoryLocator.Open(repository, environment) is not { } loader)
        {
            return ExitCodes.BadInput;
        }
        if ((request.State is null) == (request.Preview is null))
        {
            environment.Error.WriteLine("infra: give exactly one of --state FILE (a `pulumi stack export`) or --preview FILE (a `pulumi preview --json`)");
            return ExitCodes.BadInput;
        }
        if (!StackLoading.Exists(loader, request.Stack, environment))
        {
            return ExitCodes.BadInput;
        }
        var loaded = loader.LoadFromFiles(request.Stack);
        if (loaded.Definition is not { } definition)
        {
            environment.Error.WriteLine(loaded.FormatErrors());
            environment.Error.WriteLine($"infra: stack '{request.Stack}' is invalid; the rules need its definition. Run 'infra validate --stack {request.Stack}'.");
            return ExitCodes.BadInput;
        }
        try
        {
            var resources = Read(request, environment.WorkingDirectory);
            var options = new EvaluationOptions
            {
                Enforcement = EnforcementPolicy.Load(InRepository(loader.RepositoryRoot, request.Enforcement), RuleCatalog.All),
                Waivers = WaiverSet.Load(InRepository(loader.RepositoryRoot, request.Waivers), RuleCatalog.All),
                Baseline = request.Baseline is null ? ComplianceBaseline.Empty : ComplianceBaseline.Load(Path.GetFullPath(request.Baseline, environment.WorkingDirectory)),
            };
            var report = new ComplianceEvaluator(RuleCatalog.All, environment.Clock).Evaluate(resources, Context(definition, environment.Clock), options);
            Write(report, request, environment);
            return report.ExitCode;
        }
        catch (StateFileException e)
        {
            environment.Error.WriteLine($"infra: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (PolicyFileException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                environment.Error.WriteLine(diagnostic.ToString());
            }
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"infra: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static ResourceSet Read(ComplianceRequest request, string workingDirectory) => request.State is { } state
        ? StackExportReader.ReadFile(Path.GetFullPath(state, workingDirectory))
        : PreviewReader.ReadFile(Path.GetFullPath(request.Preview!, workingDirectory));

    /// <summary>The rules' view of the stack: its environment, and every person's access window for the people rules.</summary>
    private static PolicyContext Context(StackDefinition definition, TimeProvider clock)
    {
        var platformTeams = definition.Catalog.Teams.Where(t => t.IsPlatform).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var environment = definition.Environment == EnvironmentKind.Production ? StackEnvironment.Production : StackEnvironment.Staging;
        return PolicyContext.Create(definition.StackName, environment, clock) with
        {
            People = [.. definition.Catalog.People.Select(p => new PersonAccessWindow(p.Id, null, p.Teams.Any(platformTeams.Contains), p.End))],
        };
    }

    private static void Write(ComplianceReport report, ComplianceRequest request, CliEnvironment environment)
    {
        var standardOutput = environment.Out.Profile.Out.Writer;
        using (var buffer = new MemoryStream())
        {
            ComplianceReportWriters.For(request.Output)!.Write(report, buffer);
            standardOutput.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            standardOutput.Flush();
        }
        foreach (var (format, path) in request.Files)
        {
            ComplianceReportWriters.WriteFile(Path.GetFullPath(path, environment.WorkingDirectory), s => ComplianceReportWriters.For(format)!.Write(report, s));
        }
        if (request.WriteBaseline is { } baselinePath)
        {
            ComplianceReportWriters.WriteFile(Path.GetFullPath(baselinePath, environment.WorkingDirectory), ComplianceBaseline.FromReport(report).Write);
        }
    }

    /// <summary>Policy files are named relative to the repository, so the command works from any folder inside it.</summary>
    private static string InRepository(string root, string path) => Path.IsPathRooted(path) ? path : Path.Combine(root, path);
}
