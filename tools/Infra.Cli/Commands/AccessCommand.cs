using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;
using Infra.Cli.Access;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra access report --stack NAME [--at TIME] [--output table|csv|markdown|json]</c>: the
/// access review of a stack at a time (what the resources grant then). <c>infra access diff --stack NAME
/// --from TIME --to TIME [--enforce-limit]</c>: who gains and who loses what between two times. A TIME is
/// a day (its first instant, UTC) or a time with its offset.
/// </summary>
internal static class AccessCommand
{
    public static Command Create(CliEnvironment environment, Option<string?> repository)
    {
        var stack = CommonOptions.Stack(required: true);
        var at = DateOption("--at", "The time of the report: YYYY-MM-DD (the start of that day, UTC) or YYYY-MM-DDTHH:MM:SSZ; default: now", required: false);
        var output = CommonOptions.Format<AccessReportFormat>("--output", "How to show the report");
        var report = new Command("report", "Every person, every system they reach in the stack, why (team or grant) and until when; exit 1 when the catalogs are invalid.")
        {
            stack,
            at,
            output,
        };
        report.SetAction(parsed => Report(parsed.GetValue(stack)!, parsed.GetValue(at), parsed.GetValue(output), parsed.GetValue(repository), environment));

        var diffStack = CommonOptions.Stack(required: true);
        var from = DateOption("--from", "The first time: YYYY-MM-DD (the start of that day, UTC) or YYYY-MM-DDTHH:MM:SSZ", required: true);
        var to = DateOption("--to", "The second time: YYYY-MM-DD (the start of that day, UTC) or YYYY-MM-DDTHH:MM:SSZ", required: true);
        var fromRevision = new Option<string?>("--from-revision") { Description = "Read the stack and catalogs of --from at this git revision (e.g. HEAD~1); default: the working tree" };
        var toRevision = new Option<string?>("--to-revision") { Description = "Read the stack and catalogs of --to at this git revision; default: the working tree" };
        var enforce = new Option<bool>("--enforce-limit") { Description = $"Exit 1 when more people lose access than the limit of {AccessSettings.File} (the nightly sync's safety stop); losses because a person's access period is over or a grant expired are not counted" };
        var diff = new Command("diff", "Who gains and who loses what between two days, and between two git revisions of the catalogs; exit 1 when the catalogs are invalid, or with --enforce-limit when too many people lose access.")
        {
            diffStack,
            from,
            to,
            fromRevision,
            toRevision,
            enforce,
        };
        diff.SetAction(parsed => Diff(
            new DiffRequest(parsed.GetValue(diffStack)!, parsed.GetValue(from)!.Value, parsed.GetValue(to)!.Value, parsed.GetValue(fromRevision), parsed.GetValue(toRevision), parsed.GetValue(enforce), parsed.GetValue(repository)),
            environment));
        return new Command("access", "Who has access to what: the access review and its changes.") { report, diff };
    }

    private static Option<DateTimeOffset?> DateOption(string name, string description, bool required) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = Time,
    };

    private static DateTimeOffset? Time(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return PersonDefinition.StartOf(day);
        }
        if (text.Length > 10 && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at;
        }
        result.AddError($"'{text}' is not a date or a time; expected YYYY-MM-DD (the start of that day, UTC) or YYYY-MM-DDTHH:MM[:SS] with Z or an offset, e.g. 2026-11-22 or 2026-11-22T16:30Z");
        return null;
    }

    private static int Report(string stackName, DateTimeOffset? at, AccessReportFormat output, string? repository, CliEnvironment environment)
    {
        var loaded = StackLoading.Load(repository, stackName, environment, "access report");
        if (!loaded.Loaded)
        {
            return loaded.ExitCode;
        }
        AccessReportWriter.Write(AccessCalculator.Calculate(loaded.Definition, at ?? environment.Clock.GetUtcNow()), output, environment.Out);
        return ExitCodes.Ok;
    }

    private sealed record DiffRequest(string Stack, DateTimeOffset From, DateTimeOffset To, string? FromRevision, string? ToRevision, bool EnforceLimit, string? Repository);

    private static int Diff(DiffRequest request, CliEnvironment environment)
    {
        // The stack may come from the working tree or from a git revision, loaded at each end.
        if (StackLoading.Open(request.Repository, request.Stack, environment) is not { } loader)
        {
            return ExitCodes.BadInput;
        }
        var (before, beforeCode) = Snapshot(loader, request.Stack, request.FromRevision, request.From, environment);
        if (before is null)
        {
            return beforeCode;
        }
        var (after, afterCode) = Snapshot(loader, request.Stack, request.ToRevision, request.To, environment);
        if (after is null)
        {
            return afterCode;
        }
        var diff = AccessDiff.Between(before, after);
        AccessDiffWriter.Write(diff, environment.Out);
        if (!request.EnforceLimit)
        {
            return ExitCodes.Ok;
        }
        if (RemovalLimit.Read(loader.RepositoryRoot, environment, "access diff", out var limitCode) is not { } limit)
        {
            return limitCode;
        }
        var losing = diff.PeopleLosingAccessUnscheduled;
        if (losing.Count <= limit)
        {
            return ExitCodes.Ok;
        }
        environment.Error.WriteLine($"infra: access diff: {losing.Count} people lose access for another reason than an end date or an expired grant ({string.Join(", ", losing)}), more than the limit of {limit} in {AccessSettings.File}; "
            + "the sync stops here. A person reviews this diff and runs the update by hand.");
        return ExitCodes.Failed;
    }

    /// <summary>The access of the stack on a day, from the working tree or from the catalogs at a git revision.</summary>
    private static (AccessSnapshot? Snapshot, int ExitCode) Snapshot(StackDefinitionLoader loader, string stack, string? revision, DateTimeOffset day, CliEnvironment environment)
    {
        if (revision is null)
        {
            return Calculate(StackLoading.Definition(loader, stack, environment, "access diff"), day);
        }
        using var files = GitRevision.Checkout(loader.RepositoryRoot, revision, out var error);
        if (files is null)
        {
            environment.Error.WriteLine($"infra: access diff: revision {revision}: {error}");
            return (null, ExitCodes.BadInput);
        }
        var revisionLoader = new StackDefinitionLoader(files.Root);
        if (!revisionLoader.StackNames().Contains(stack))
        {
            environment.Error.WriteLine($"infra: access diff: revision {revision} has no stack '{stack}'");
            return (null, ExitCodes.BadInput);
        }
        return Calculate(StackLoading.Definition(revisionLoader, stack, environment, $"access diff (revision {revision})"), day);
    }

    private static (AccessSnapshot? Snapshot, int ExitCode) Calculate(LoadedStack loaded, DateTimeOffset day) =>
        loaded.Loaded ? (AccessCalculator.Calculate(loaded.Definition, day), ExitCodes.Ok) : (null, loaded.ExitCode);
}
