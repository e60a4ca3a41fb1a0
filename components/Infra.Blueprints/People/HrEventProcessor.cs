using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// The HR workflow without its files: verify an event (signature, issued-at tolerance, the journal's
/// replay and ordering refusals), apply it to the people, validate the resulting people.yaml,
/// compute the access diff of every stack and check the removal limit. It reads and writes nothing;
/// the caller reads the files, renders the diffs and writes the results, between the steps, so
/// that what is checked first stays first: <see cref="Verify"/>, then (with the stacks loaded)
/// <see cref="Apply"/>, then (with the limit read) <see cref="CheckRemovalLimit"/>.
/// </summary>
public sealed class HrEventProcessor(TimeProvider clock)
{
    /// <summary>
    /// How far the issuedAt of an event that adds access may be from the clock, either way: a replayed old hire is refused
    /// even with a new id. A leave or termination is never refused as stale: one queued behind other HR pipelines still goes.
    /// </summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Phase 1, verify: nothing in the body is trusted before the signature is; then the time, then the journal.
    /// </summary>
    /// <exception cref="FormatException">The journal text is not a journal (with its line).</exception>
    public HrVerification Verify(HrEventInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow();
        if (input.Signature is not { } signature)
        {
            return HrVerification.Refused($"the signature is missing: no {input.SignatureName}; expected a file holding sha256=<hex HMAC-SHA256 of the event file>", now);
        }
        if (!HrSignature.Verify(input.Body.Span, signature, input.Secret))
        {
            return HrVerification.Refused($"the signature in {input.SignatureName} does not match the event file; the event was changed or signed with another secret", now);
        }
        if (!HrEventReader.TryRead(input.Body, out var hrEvent, out var malformed))
        {
            return HrVerification.Refused($"{input.EventName} {malformed}", now) with { Malformed = true };
        }
        if (!hrEvent.RemovesAccess && (now - hrEvent.IssuedAt).Duration() > Tolerance)
        {
            return HrVerification.Refused($"event {hrEvent.Id} was issued at {hrEvent.IssuedAt:yyyy-MM-dd HH:mm:ss zzz}, more than {Tolerance.TotalMinutes} minutes from now ({now:yyyy-MM-dd HH:mm:ss}Z); ask HR to send it again", now);
        }
        if (HrJournal.Refusal(HrJournal.Parse(input.JournalText), hrEvent) is { } refusal)
        {
            return HrVerification.Refused(refusal, now);
        }
        return new HrVerification(null, hrEvent, now);
    }

    /// <summary>
    /// Phases 2 and 3, apply and calculate: the event applies to valid catalogs (<paramref name="stacks"/>, every stack of
    /// the repository, loaded) and must leave people.yaml valid; the diff of each stack is taken on the day the event
    /// starts to change access (from today, by the clock). The journal entry is stamped with the time <see cref="Verify"/> checked.
    /// </summary>
    public HrEventResult Apply(HrEventInput input, HrVerification verified, IReadOnlyList<StackDefinition> stacks)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(verified);
        ArgumentNullException.ThrowIfNull(stacks);
        if (verified.Event is not { } hrEvent || !verified.Accepted)
        {
            throw new ArgumentException("only a verified event is applied", nameof(verified));
        }
        if (stacks.Count == 0)
        {
            throw new ArgumentException("the event applies to the stacks of the repository; there are none", nameof(stacks));
        }
        var catalog = stacks[0].Catalog;
        var now = clock.GetUtcNow();
        var application = HrEventApplier.Apply(catalog.People, hrEvent, now, catalog.Teams.Where(t => t.IsPrivileged).Select(t => t.Id).ToHashSet(StringComparer.Ordinal));
        if (!application.Accepted)
        {
            return HrEventResult.Refused(hrEvent, $"event {hrEvent.Id}: {application.Refusal}");
        }
        var peopleText = PeopleYaml.Write(application.People);
        var invalid = PeopleCatalogChecks.Validate(peopleText, catalog.Teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal), AccessApprovers.Of(stacks[0])).Where(d => d.IsError).ToList();
        if (invalid.Count > 0)
        {
            return HrEventResult.Refused(hrEvent, $"event {hrEvent.Id} would make people.yaml invalid: " + string.Join("; ", invalid.Select(d => $"{d.KeyPath}: {d.Message}")));
        }
        // The diff at the instant the event starts to change access, or now if that has passed: a leave whose time has
        // passed shows (and the people update that follows makes) its removals now.
        var at = application.ImpactAt > now ? application.ImpactAt : now;
        var diffs = stacks
            .Select(definition => AccessDiff.Between(
                AccessCalculator.Calculate(definition, at),
                AccessCalculator.Calculate(definition with { Catalog = definition.Catalog with { People = application.People } }, at)))
            .ToEquatableList();
        var journalText = input.JournalText + HrJournal.Line(HrJournal.Entry(hrEvent, input.Body.Span, verified.CheckedAt));
        return new HrEventResult(null, hrEvent, peopleText, journalText, application.Changed, diffs);
    }

    /// <summary>
    /// The safety limit against removals by mistake: an event that would remove access from more than <paramref name="limit"/>
    /// people for another reason than their access period ending is refused (the diffs stay, for the person who reviews
    /// them; the texts to write go). A leave or termination is what the limit never holds back.
    /// </summary>
    public static HrEventResult CheckRemovalLimit(HrEventResult applied, int limit)
    {
        ArgumentNullException.ThrowIfNull(applied);
        var losing = applied.PeopleLosingAccessUnscheduled;
        if (!applied.Accepted || losing.Count <= limit)
        {
            return applied;
        }
        return applied with
        {
            Refusal = $"event {applied.Event.Id} would remove access from {losing.Count} people ({string.Join(", ", losing)}), more than the limit of {limit} in {AccessSettings.File}; nothing was written. "
                + $"A person reviews the diff (--dry-run) and runs it by hand with --allow-removals {losing.Count}",
            PeopleText = null,
            JournalText = null,
        };
    }
}

/// <summary>
/// What an HR event is checked with: the event file's bytes and its signature (null when the signature file is
/// missing), as the caller read them, the secret shared with HR, and the journal's text ("" when there is none yet).
/// <see cref="EventName"/> and <see cref="SignatureName"/> name the files in the refusals.
/// </summary>
public sealed record HrEventInput(string EventName, ReadOnlyMemory<byte> Body, string SignatureName, string? Signature, string Secret, string JournalText)
{
    /// <summary>The secret is never shown, not even by a record's ToString.</summary>
    public override string ToString() => $"HrEventInput {{ EventName = {EventName}, SignatureName = {SignatureName}, Body = {Body.Length} bytes }}";
}

/// <summary>The event once verified, or why it is refused; <see cref="CheckedAt"/> is the clock's time of the check.</summary>
public sealed record HrVerification(string? Refusal, HrEvent? Event, DateTimeOffset CheckedAt)
{
    public bool Accepted => Refusal is null;

    /// <summary>The signed body is not an HR event as docs/formats.md describes it: bad input, where the other refusals judge a well-formed event.</summary>
    public bool Malformed { get; init; }

    internal static HrVerification Refused(string reason, DateTimeOffset checkedAt) => new(reason, null, checkedAt);
}

/// <summary>
/// An HR event applied to the people, or why it is refused. When accepted: the new people.yaml text and the journal
/// text with the event's entry (what to write), whether the event changed the people (false when people.yaml already
/// reflected it), and the access diff of each stack.
/// </summary>
public sealed record HrEventResult(string? Refusal, HrEvent Event, string? PeopleText, string? JournalText, bool PeopleChanged, EquatableList<AccessDiff> Diffs)
{
    public bool Accepted => Refusal is null;

    /// <summary>The people who lose at least one access on any stack, sorted.</summary>
    public IReadOnlyList<string> PeopleLosingAccess => [.. new SortedSet<string>(Diffs.SelectMany(d => d.PeopleLosingAccess), StringComparer.Ordinal)];

    /// <summary>The people who lose access on any stack for another reason than a date, sorted: what the removal limit counts.</summary>
    public IReadOnlyList<string> PeopleLosingAccessUnscheduled => [.. new SortedSet<string>(Diffs.SelectMany(d => d.PeopleLosingAccessUnscheduled), StringComparer.Ordinal)];

    internal static HrEventResult Refused(HrEvent hrEvent, string reason) => new(reason, hrEvent, null, null, false, []);
}
