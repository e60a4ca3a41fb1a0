using System.CommandLine;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Kafka;
using Infra.Policies.Enforcement;
using Infra.Policies.Evaluation;
using Infra.Policies.Model;
using Infra.Policies.Reading;
using Infra.Policies.Reporting;
using Infra.Policies.Rules;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra compliance --stack NAME (--state FILE | --preview FILE)</c>: the rules over the live
/// state (nightly) or a preview (merge requests). Exit 1 when a mandatory rule fails or the stack is
/// invalid, 2 on bad input.
/// </summary>
internal static class ComplianceCommand
{
    public static Command Create(CliEnvironment environment, Option<string?> repository)
    {
        var stack = CommonOptions.Stack(required: true);
        var state = new Option<string?>("--state") { Description = "A `pulumi stack export` file (the live state)" };
        var preview = new Option<string?>("--preview") { Description = "A `pulumi preview --json` file" };
        var output = CommonOptions.Format<ComplianceFormat>("--output", "The format written to standard output");
        var files = Enum.GetValues<ComplianceFormat>().Where(f => f != ComplianceFormat.Table)
            .Select(f => (Format: f, Option: new Option<string?>("--" + CommonOptions.FormatName(f)) { Description = $"Also write the {CommonOptions.FormatName(f)} report to this file" }))
            .ToList();
        var baseline = new Option<string?>("--baseline") { Description = "Only violations not in this baseline (JSON) fail" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write the violations found as a baseline to this file" };
        var enforcement = new Option<string>("--enforcement") { Description = "Enforcement overrides per rule and stack", DefaultValueFactory = _ => "policies/enforcement.yaml" };
        var waivers = new Option<string>("--waivers") { Description = "Waivers with justification, approver and expiry", DefaultValueFactory = _ => "policies/waivers.yaml" };
        var command = new Command("compliance", "Check resources against the compliance rules; exit 1 when a mandatory rule fails or the stack is invalid, 2 on bad input.")
        {
            stack, state, preview, output, baseline, writeBaseline, enforcement, waivers,
        };
        foreach (var (_, file) in files)
        {
            command.Options.Add(file);
        }
        command.Validators.Add(result =>
        {
            if ((result.GetResult(state) is null) == (result.GetResult(preview) is null))
            {
                result.AddError("give exactly one of --state FILE (a `pulumi stack export`) or --preview FILE (a `pulumi preview --json`)");
            }
        });
        command.SetAction(parsed => Run(
            new ComplianceRequest(
                parsed.GetValue(stack)!,
                parsed.GetValue(state),
                parsed.GetValue(preview),
                parsed.GetValue(output),
                files.Select(f => (f.Format, Path: parsed.GetValue(f.Option))).Where(f => f.Path is not null).Select(f => (f.Format, f.Path!)).ToList(),
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
        var loaded = StackLoading.Load(repository, request.Stack, environment, "compliance", "the rules need its definition");
        if (!loaded.Loaded)
        {
            return loaded.ExitCode;
        }
        var (loader, definition) = (loaded.Loader, loaded.Definition);
        try
        {
            var resources = Read(request, environment.WorkingDirectory);
            var options = new EvaluationOptions
            {
                Enforcement = EnforcementPolicy.Load(InRepository(loader.RepositoryRoot, request.Enforcement), RuleCatalog.All),
                Waivers = WaiverSet.Load(InRepository(loader.RepositoryRoot, request.Waivers), RuleCatalog.All),
                Baseline = request.Baseline is null ? ComplianceBaseline.Empty : ComplianceBaseline.Load(Path.GetFullPath(request.Baseline, environment.WorkingDirectory)),
                Sources = SourceLocator.ForRepository(loader.RepositoryRoot, request.Stack),
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
        catch (FileWriteException e)
        {
            environment.Error.WriteLine($"infra: compliance: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"infra: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static ResourceSet Read(ComplianceRequest request, string workingDirectory)
    {
        var file = Path.GetFullPath(request.State ?? request.Preview!, workingDirectory);
        return request.State is not null ? CollectionFreeRead.ReadExport(file) : CollectionFreeRead.Run(file, () => PreviewReader.ReadFile(file));
    }

    /// <summary>The rules' view of the stack: its environment, AWS account and VPCs' ranges, every person's access window for the people rules, and the topics marked for deletion.</summary>
    private static PolicyContext Context(StackDefinition definition, TimeProvider clock)
    {
        var platformTeams = definition.Catalog.Teams.Where(t => t.IsPlatform).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return PolicyContext.Create(definition.StackName, definition.Environment, clock) with
        {
            AwsAccountIds = new HashSet<string>(StringComparer.Ordinal) { definition.AwsAccountId, definition.AccountBaseline.LogArchiveAccountId, definition.DatabaseBackup.AccountId },
            People = [.. definition.Catalog.People.Select(p => new PersonAccessWindow(p.Id, null, p.Teams.Any(platformTeams.Contains), p.End))],
            TopicsMarkedForDeletion = KafkaTopicCatalog.For(definition).MarkedForDeletion.ToHashSet(StringComparer.Ordinal),
            VpcNetworks = [.. definition.Networks.Select(n => n.Cidr)],
        };
    }

    private static void Write(ComplianceReport report, ComplianceRequest request, CliEnvironment environment)
    {
        var standardOutput = environment.Out.Profile.Out.Writer;
        using (var buffer = new MemoryStream())
        {
            Writer(request.Output).Write(report, buffer);
            standardOutput.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            standardOutput.Flush();
        }
        foreach (var (format, path) in request.Files)
        {
            AtomicFile.Write(Path.GetFullPath(path, environment.WorkingDirectory), s => Writer(format).Write(report, s));
        }
        if (request.WriteBaseline is { } baselinePath)
        {
            AtomicFile.Write(Path.GetFullPath(baselinePath, environment.WorkingDirectory), ComplianceBaseline.FromReport(report).Write);
        }
    }

    /// <summary>The report writer of a format (a test checks that every format has one, and every writer a format).</summary>
    private static IComplianceReportWriter Writer(ComplianceFormat format) =>
        ComplianceReportWriters.For(CommonOptions.FormatName(format)) ?? throw new InvalidOperationException($"no compliance report writer for {format}");

    /// <summary>Policy files are named relative to the repository, so the command works from any folder inside it.</summary>
    private static string InRepository(string root, string path) => Path.IsPathRooted(path) ? path : Path.Combine(root, path);
}

/// <summary>
/// The formats of <c>infra compliance --output</c>, and the report files it writes (<c>--json FILE</c>, ...):
/// the formats of <see cref="ComplianceReportWriters"/>, by the same names.
/// </summary>
internal enum ComplianceFormat
{
    Table,
    Json,
    Junit,
    Sarif,
    Codequality,
}
