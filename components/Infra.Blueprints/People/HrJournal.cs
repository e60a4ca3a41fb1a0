using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Infra.Blueprints.People;

/// <summary>
/// The journal of applied HR events, <c>stacks/catalog/hr-journal.jsonl</c>: one JSON object per
/// line, appended in the order applied and committed with people.yaml, so git history shows who
/// changed access and why.
/// </summary>
public static class HrJournal
{
    public const string File = "stacks/catalog/hr-journal.jsonl";

    private static readonly string LeaveType = HrEventReader.TypeName(HrEventKind.Leave);
    private static readonly string TerminateType = HrEventReader.TypeName(HrEventKind.Terminate);

    // Source-generated metadata (no reflection), so the command also runs compiled ahead of time.
    private static readonly JsonTypeInfo<HrJournalEntry> EntryJson = (JsonTypeInfo<HrJournalEntry>)new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Every field of an entry is required and none may be null or given twice: a line with fields missing is not an entry.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
        TypeInfoResolver = HrJournalJsonContext.Default,
    }.GetTypeInfo(typeof(HrJournalEntry));

    /// <summary>The entries of the journal text; a line that is not an entry is an error with its line number.</summary>
    public static IReadOnlyList<HrJournalEntry> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<HrJournalEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }
            try
            {
                entries.Add(JsonSerializer.Deserialize(lines[i], EntryJson)
                    ?? throw new FormatException("null"));
            }
            catch (Exception e) when (e is JsonException or FormatException or NotSupportedException)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{File}:{i + 1}: not a journal entry ({e.Message}); expected one JSON object per line with id, type, person, effective, issuedAt, appliedAt, bodySha256"), e);
            }
        }
        return entries;
    }

    public static string Line(HrJournalEntry entry) => JsonSerializer.Serialize(entry, EntryJson) + "\n";

    public static HrJournalEntry Entry(HrEvent hrEvent, ReadOnlySpan<byte> body, DateTimeOffset appliedAt)
    {
        ArgumentNullException.ThrowIfNull(hrEvent);
        return new HrJournalEntry(hrEvent.Id, HrEventReader.TypeName(hrEvent.Kind), hrEvent.Person, hrEvent.Effective, hrEvent.IssuedAt, appliedAt,
            Convert.ToHexStringLower(SHA256.HashData(body)));
    }

    /// <summary>
    /// Why the journal refuses the event, null when it may go. Any event: already applied (replay protection by id).
    /// An event that adds access: older than an event applied for the same person, or an extension after a leave.
    /// A leave or termination is never refused for its order: a removal of access always goes.
    /// </summary>
    public static string? Refusal(IReadOnlyList<HrJournalEntry> journal, HrEvent hrEvent)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(hrEvent);
        if (journal.FirstOrDefault(e => e.Id == hrEvent.Id) is { } applied)
        {
            return $"event {hrEvent.Id} was already applied on {applied.AppliedAt:yyyy-MM-dd HH:mm}Z ({applied.Type} of {applied.Person}); an event is applied once";
        }
        if (hrEvent.RemovesAccess)
        {
            return null;
        }
        var leave = journal.LastOrDefault(e => e.Person == hrEvent.Person && (e.Type == LeaveType || e.Type == TerminateType));
        if (hrEvent.Kind == HrEventKind.ContractExtension && leave is not null)
        {
            return $"event {hrEvent.Id} extends the contract of {hrEvent.Person}, but event {leave.Id} ({leave.Type}, effective {leave.Effective:yyyy-MM-dd}) is already applied; "
                + "access after a leave is a return, edited by hand in a merge request";
        }
        var later = journal.Where(e => e.Person == hrEvent.Person && e.Effective > hrEvent.Effective).MaxBy(e => e.Effective);
        if (later is not null)
        {
            return new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"event {hrEvent.Id} ({HrEventReader.TypeName(hrEvent.Kind)} of {hrEvent.Person}, effective {hrEvent.Effective:yyyy-MM-dd}) is out of order: ")
                .Append(CultureInfo.InvariantCulture, $"event {later.Id} ({later.Type}, effective {later.Effective:yyyy-MM-dd}) is already applied; events that add access are applied in order of effective date. ")
                .Append("Check the person's entry in people.yaml and change it by hand in a merge request")
                .ToString();
        }
        return null;
    }
}
