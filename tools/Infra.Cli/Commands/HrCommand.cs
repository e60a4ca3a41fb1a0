using System.CommandLine;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;
using Infra.Cli.Access;
using Spectre.Console;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra hr apply --event FILE [--signature FILE] [--dry-run] [--allow-removals N]</c>: applies
/// one signed HR event to people.yaml, in phases: verify (signature, time, journal), load and
/// validate, calculate the access diff (a dry run stops here), apply (atomic writes of people.yaml
/// and the journal). The decisions are <see cref="HrEventProcessor"/>'s; this command reads the
/// files and the secret, shows the diffs and writes the results. <c>infra hr format</c> rewrites
/// people.yaml in its canonical form.
/// </summary>
internal static class HrCommand
{
    /// <summary>The environment variable that holds the HMAC secret shared with the HR system.</summary>
    public const string SecretVariable = "INFRA_HR_HMAC_SECRET";

    /// <summary>How long a run waits for another hr command to finish with the catalog.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    internal sealed record ApplyRequest(string EventPath, string? SignaturePath, bool DryRun, int? AllowRemovals, string? Repository);

    public static Command Create(CliEnvironment environment, Option<string?> repository)
    {
        var eventFile = new Option<string>("--event") { Description = "The HR event: a JSON file", Required = true };
        var signature = new Option<string?>("--signature") { Description = "The file holding the event's signature, sha256=<hex HMAC-SHA256 of the event file's bytes>; default: the event file's name + .sig" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Verify the event and show the access diff; write nothing" };
        var allowRemovals = new Option<int?>("--allow-removals") { Description = "For a person running it by hand after review: the number of people who may lose access in this run, above the limit of stacks/catalog/access.yaml" };
        // One message for every value that is not a count (the parser's own names the type System.Nullable`1[System.Int32]).
        allowRemovals.CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
            {
                return count;
            }
            result.AddError($"hr apply: --allow-removals must be a whole number, 0 or more; found '{text}'");
            return null;
        };
        var apply = new Command("apply", $"Apply a signed HR event (hire, leave, team-change, contract-extension) to people.yaml; the secret comes from {SecretVariable}. Exit 0 applied, 1 rejected, 2 bad usage or input (a malformed event, catalogs that cannot be read as YAML).")
        {
            eventFile,
            signature,
            dryRun,
            allowRemovals,
        };
        apply.SetAction(parsed => Apply(
            new ApplyRequest(parsed.GetValue(eventFile)!, parsed.GetValue(signature), parsed.GetValue(dryRun), parsed.GetValue(allowRemovals), parsed.GetValue(repository)),
            environment));

        var format = new Command("format", "Rewrite people.yaml in its canonical form (sorted by id, fixed key order); exit 1 when the catalogs are invalid.");
        format.SetAction(parsed => Format(parsed.GetValue(repository), environment));
        return new Command("hr", "HR events and the people catalog.") { apply, format };
    }

    internal static int Apply(ApplyRequest request, CliEnvironment environment, Action<string>? beforeRename = null)
    {
        var error = environment.Error;
        if (environment.Variable(SecretVariable) is not { } secret || secret.Length < HrSignature.MinimumSecretLength)
        {
            error.WriteLine($"infra: hr apply: the environment variable {SecretVariable} must hold the HMAC secret shared with HR, at least {HrSignature.MinimumSecretLength} characters; it is not set or too short");
            return ExitCodes.BadInput;
        }
        if (StackLoading.Open(request.Repository, stack: null, environment) is not { } loader)
        {
            return ExitCodes.BadInput;
        }
        using var catalogLock = CatalogLock.Acquire(loader.RepositoryRoot, LockTimeout, error, "hr apply");
        return catalogLock is null ? ExitCodes.BadInput : ApplyLocked(request, secret, loader, environment, beforeRename);
    }

    /// <summary>The whole sequence under the catalog's lock: nothing read here can change before it is written.</summary>
    private static int ApplyLocked(ApplyRequest request, string secret, StackDefinitionLoader loader, CliEnvironment environment, Action<string>? beforeRename)
    {
        var error = environment.Error;
        var eventPath = Path.GetFullPath(request.EventPath, environment.WorkingDirectory);
        var signaturePath = request.SignaturePath is { } s ? Path.GetFullPath(s, environment.WorkingDirectory) : eventPath + ".sig";
        byte[] body;
        string? signature;
        try
        {
            body = File.ReadAllBytes(eventPath);
            signature = File.Exists(signaturePath) ? File.ReadAllText(signaturePath) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"infra: hr apply: --event {request.EventPath}: the event or its signature cannot be read: {e.Message}");
            return ExitCodes.BadInput;
        }

        var journalPath = Path.Combine(loader.RepositoryRoot, HrJournal.File);
        var peoplePath = Path.Combine(loader.RepositoryRoot, StackDefinitionLoader.PeopleFile);
        AtomicFile.RemoveTemporaries(peoplePath, TimeSpan.Zero);
        AtomicFile.RemoveTemporaries(journalPath, TimeSpan.Zero);
        string journalText;
        try
        {
            journalText = File.Exists(journalPath) ? File.ReadAllText(journalPath) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"infra: hr apply: {HrJournal.File} cannot be read: {e.Message}; expected the journal file (or none yet)");
            return ExitCodes.BadInput;
        }
        var input = new HrEventInput(request.EventPath, body, signaturePath, signature, secret, journalText);
        var processor = new HrEventProcessor(environment.Clock);

        // Phase 1, verify: signature, time, journal (HrEventProcessor.Verify).
        HrVerification verified;
        try
        {
            verified = processor.Verify(input);
        }
        catch (FormatException e)
        {
            error.WriteLine($"infra: hr apply: {e.Message}");
            return ExitCodes.BadInput;
        }
        if (verified.Malformed)
        {
            error.WriteLine($"infra: hr apply: {verified.Refusal}; nothing written");
            return ExitCodes.BadInput;
        }
        if (!verified.Accepted)
        {
            return Reject(environment, verified.Refusal);
        }

        // Phase 2, load and validate: the event applies to valid catalogs and must leave them valid.
        var (definitions, loadCode) = StackLoading.All(loader, environment, "hr apply");
        if (loadCode != ExitCodes.Ok)
        {
            return loadCode;
        }
        var result = processor.Apply(input, verified, definitions);
        if (!result.Accepted)
        {
            return Reject(environment, result.Refusal);
        }

        // Phase 3, calculate: the diff on the day the event starts to change access, then the removal limit.
        var hrEvent = result.Event;
        environment.Out.MarkupLine(Markup.Escape($"Event {hrEvent.Id}: {HrEventReader.TypeName(hrEvent.Kind)} of {hrEvent.Person}, effective {hrEvent.Effective:yyyy-MM-dd}; signature and time verified."));
        foreach (var diff in result.Diffs)
        {
            AccessDiffWriter.Write(diff, environment.Out);
        }
        int limit;
        if (request.AllowRemovals is { } allowed)
        {
            limit = allowed;
        }
        else if (RemovalLimit.Read(loader.RepositoryRoot, environment, "hr apply", out var limitCode) is { } configured)
        {
            limit = configured;
        }
        else
        {
            return limitCode;
        }
        result = HrEventProcessor.CheckRemovalLimit(result, limit);
        if (!result.Accepted)
        {
            return Reject(environment, result.Refusal);
        }
        if (request.DryRun)
        {
            environment.Out.MarkupLine("Dry run: nothing written.");
            return ExitCodes.Ok;
        }

        // Phase 4, apply: both new files are written in full first (a full disk or a refused file stops
        // here, before anything changes), then people.yaml is renamed into place, then the journal. A crash
        // between the renames leaves the event unjournaled; running it again finds people.yaml already up
        // to date and journals it. The journal is never ahead of people.yaml, so no event is refused as a
        // replay that people.yaml does not hold.
        if (Write(peoplePath, result, journalPath, beforeRename, error) is { } failed)
        {
            return failed;
        }
        environment.Out.MarkupLine(Markup.Escape(result.PeopleChanged
            ? $"Applied: {StackDefinitionLoader.PeopleFile} and {HrJournal.File} written; commit both."
            : $"people.yaml already reflected event {hrEvent.Id}; recorded it in {HrJournal.File}."));
        return ExitCodes.Ok;
    }

    /// <summary>Writes people.yaml (when it differs) and the journal; the exit code and the reason when a file cannot be written.</summary>
    private static int? Write(string peoplePath, HrEventResult result, string journalPath, Action<string>? beforeRename, TextWriter error)
    {
        var peopleText = result.PeopleText!;
        var peopleWritten = false;
        try
        {
            var writePeople = result.PeopleChanged || !string.Equals(File.ReadAllText(peoplePath), peopleText, StringComparison.Ordinal);
            using var people = writePeople ? AtomicFile.Prepare(peoplePath, peopleText) : null;
            using var journal = AtomicFile.Prepare(journalPath, result.JournalText!);
            if (people is not null)
            {
                beforeRename?.Invoke(people.TemporaryPath ?? people.Path);
                people.Commit();
                peopleWritten = true;
            }
            beforeRename?.Invoke(journal.TemporaryPath ?? journal.Path);
            journal.Commit();
            return null;
        }
        catch (FileWriteException e)
        {
            error.WriteLine(peopleWritten
                ? $"infra: hr apply: {StackDefinitionLoader.PeopleFile} was written but the journal was not: {e.Message}. Fix it and run the same event again: it finds people.yaml up to date and records the event"
                : $"infra: hr apply: {e.Message}; nothing was written");
            return ExitCodes.BadInput;
        }
    }

    private static int Format(string? repository, CliEnvironment environment)
    {
        if (StackLoading.Open(repository, stack: null, environment) is not { } loader)
        {
            return ExitCodes.BadInput;
        }
        using var catalogLock = CatalogLock.Acquire(loader.RepositoryRoot, LockTimeout, environment.Error, "hr format");
        if (catalogLock is null)
        {
            return ExitCodes.BadInput;
        }
        var (definitions, loadCode) = StackLoading.All(loader, environment, "hr format");
        if (loadCode != ExitCodes.Ok)
        {
            return loadCode;
        }
        var path = Path.Combine(loader.RepositoryRoot, StackDefinitionLoader.PeopleFile);
        var canonical = PeopleYaml.Write(definitions[0].Catalog.People);
        if (string.Equals(File.ReadAllText(path), canonical, StringComparison.Ordinal))
        {
            environment.Out.MarkupLine($"{StackDefinitionLoader.PeopleFile} is already canonical.");
            return ExitCodes.Ok;
        }
        try
        {
            AtomicFile.Write(path, canonical);
        }
        catch (FileWriteException e)
        {
            environment.Error.WriteLine($"infra: hr format: {e.Message}");
            return ExitCodes.BadInput;
        }
        environment.Out.MarkupLine($"{StackDefinitionLoader.PeopleFile} rewritten in canonical form.");
        return ExitCodes.Ok;
    }

    private static int Reject(CliEnvironment environment, string? reason)
    {
        environment.Error.WriteLine($"infra: hr apply: rejected: {reason}");
        return ExitCodes.Failed;
    }
}
