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
/// and the journal). <c>infra hr format</c> rewrites people.yaml in its canonical form.
/// </summary>
internal static class HrCommand
{
    /// <summary>The environment variable that holds the HMAC secret shared with the HR system.</summary>
    public const string SecretVariable = "INFRA_HR_HMAC_SECRET";

    /// <summary>How far the event's issuedAt may be from the clock, either way: a replayed old event is refused even with a new id.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(15);

    /// <summary>The limit when stacks/catalog/access.yaml is missing.</summary>
    public const int DefaultRemovalLimit = 3;

    internal sealed record ApplyRequest(string EventPath, string? SignaturePath, bool DryRun, int? AllowRemovals, string? Repository);

    public static Command Create(CliEnvironment environment, Option<string?> repository)
    {
        var eventFile = new Option<string>("--event") { Description = "The HR event: a JSON file", Required = true };
        var signature = new Option<string?>("--signature") { Description = "The file holding the event's signature, sha256=<hex HMAC-SHA256 of the event file's bytes>; default: the event file's name + .sig" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Verify the event and show the access diff; write nothing" };
        var allowRemovals = new Option<int?>("--allow-removals") { Description = "For a person running it by hand after review: the number of people who may lose access in this run, above the limit of stacks/catalog/access.yaml" };
        allowRemovals.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0)
            {
                result.AddError("hr apply: --allow-removals must be 0 or more");
            }
        });
        var apply = new Command("apply", $"Apply a signed HR event (hire, leave, team-change, contract-extension) to people.yaml; the secret comes from {SecretVariable}. Exit 0 applied, 1 rejected, 2 bad usage.")
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

        // Phase 1, verify: nothing in the body is trusted before the signature is.
        if (signature is null)
        {
            return Reject(environment, $"the signature is missing: no {signaturePath}; expected a file holding sha256=<hex HMAC-SHA256 of the event file>");
        }
        if (!HrSignature.Verify(body, signature, secret))
        {
            return Reject(environment, $"the signature in {signaturePath} does not match the event file; the event was changed or signed with another secret");
        }
        if (!HrEventReader.TryRead(body, out var hrEvent, out var malformed))
        {
            return Reject(environment, $"{request.EventPath} {malformed}");
        }
        var now = environment.Clock.GetUtcNow();
        if ((now - hrEvent.IssuedAt).Duration() > Tolerance)
        {
            return Reject(environment, $"event {hrEvent.Id} was issued at {hrEvent.IssuedAt:yyyy-MM-dd HH:mm:ss zzz}, more than {Tolerance.TotalMinutes} minutes from now ({now:yyyy-MM-dd HH:mm:ss}Z); ask HR to send it again");
        }
        var journalPath = Path.Combine(loader.RepositoryRoot, HrJournal.File);
        IReadOnlyList<HrJournalEntry> journal;
        string journalText;
        try
        {
            journalText = File.Exists(journalPath) ? File.ReadAllText(journalPath) : "";
            journal = HrJournal.Parse(journalText);
        }
        catch (FormatException e)
        {
            error.WriteLine($"infra: hr apply: {e.Message}");
            return ExitCodes.BadInput;
        }
        if (HrJournal.Refusal(journal, hrEvent) is { } refusal)
        {
            return Reject(environment, refusal);
        }

        // Phase 2, load and validate: the event applies to valid catalogs and must leave them valid.
        if (StackLoading.All(loader, environment, "hr apply") is not { Count: > 0 } definitions)
        {
            return StackLoading.InvalidStack;
        }
        var catalog = definitions[0].Catalog;
        var today = environment.Today;
        var application = HrEventApplier.Apply(catalog.People, hrEvent, today);
        if (!application.Accepted)
        {
            return Reject(environment, $"event {hrEvent.Id}: {application.Refusal}");
        }
        var peopleText = PeopleYaml.Write(application.People);
        var invalid = PeopleCatalogChecks.Validate(peopleText, catalog.Teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal)).Where(d => d.IsError).ToList();
        if (invalid.Count > 0)
        {
            return Reject(environment, $"event {hrEvent.Id} would make people.yaml invalid: " + string.Join("; ", invalid.Select(d => $"{d.KeyPath}: {d.Message}")));
        }

        // Phase 3, calculate: the diff on the day the event starts to change access.
        var day = application.ImpactDay > today ? application.ImpactDay : today;
        var losing = new SortedSet<string>(StringComparer.Ordinal);
        environment.Out.MarkupLine(Markup.Escape($"Event {hrEvent.Id}: {HrEventReader.TypeName(hrEvent.Kind)} of {hrEvent.Person}, effective {hrEvent.Effective:yyyy-MM-dd}; signature and time verified."));
        foreach (var definition in definitions)
        {
            var after = definition with { Catalog = definition.Catalog with { People = application.People } };
            var diff = AccessDiff.Between(AccessCalculator.Calculate(definition, day), AccessCalculator.Calculate(after, day));
            AccessDiffWriter.Write(diff, environment.Out);
            losing.UnionWith(diff.PeopleLosingAccess);
        }
        int limit;
        try
        {
            limit = request.AllowRemovals ?? AccessSettings.Read(loader.RepositoryRoot, DefaultRemovalLimit).MaxPeopleLosingAccess;
        }
        catch (FormatException e)
        {
            error.WriteLine($"infra: hr apply: {e.Message}");
            return ExitCodes.BadInput;
        }
        if (losing.Count > limit)
        {
            return Reject(environment, $"event {hrEvent.Id} would remove access from {losing.Count} people ({string.Join(", ", losing)}), more than the limit of {limit} in {AccessSettings.File}; nothing was written. "
                + $"A person reviews the diff (--dry-run) and runs it by hand with --allow-removals {losing.Count}");
        }
        if (request.DryRun)
        {
            environment.Out.MarkupLine("Dry run: nothing written.");
            return ExitCodes.Ok;
        }

        // Phase 4, apply: people.yaml first, then the journal. A crash between the two leaves the
        // event unjournaled; running it again finds people.yaml already up to date and journals it.
        var peoplePath = Path.Combine(loader.RepositoryRoot, StackDefinitionLoader.PeopleFile);
        if (application.Changed || !string.Equals(File.ReadAllText(peoplePath), peopleText, StringComparison.Ordinal))
        {
            AtomicFile.Write(peoplePath, peopleText, beforeRename);
        }
        AtomicFile.Write(journalPath, journalText + HrJournal.Line(HrJournal.Entry(hrEvent, body, now)), beforeRename);
        environment.Out.MarkupLine(Markup.Escape(application.Changed
            ? $"Applied: {StackDefinitionLoader.PeopleFile} and {HrJournal.File} written; commit both."
            : $"people.yaml already reflected event {hrEvent.Id}; recorded it in {HrJournal.File}."));
        return ExitCodes.Ok;
    }

    private static int Format(string? repository, CliEnvironment environment)
    {
        if (StackLoading.Open(repository, stack: null, environment) is not { } loader)
        {
            return ExitCodes.BadInput;
        }
        if (StackLoading.All(loader, environment, "hr format") is not { Count: > 0 } definitions)
        {
            return StackLoading.InvalidStack;
        }
        var path = Path.Combine(loader.RepositoryRoot, StackDefinitionLoader.PeopleFile);
        var canonical = PeopleYaml.Write(definitions[0].Catalog.People);
        if (string.Equals(File.ReadAllText(path), canonical, StringComparison.Ordinal))
        {
            environment.Out.MarkupLine($"{StackDefinitionLoader.PeopleFile} is already canonical.");
            return ExitCodes.Ok;
        }
        AtomicFile.Write(path, canonical);
        environment.Out.MarkupLine($"{StackDefinitionLoader.PeopleFile} rewritten in canonical form.");
        return ExitCodes.Ok;
    }

    private static int Reject(CliEnvironment environment, string reason)
    {
        environment.Error.WriteLine($"infra: hr apply: rejected: {reason}");
        return ExitCodes.Failed;
    }
}
