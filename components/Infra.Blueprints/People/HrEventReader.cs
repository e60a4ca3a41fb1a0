using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.People;

/// <summary>Reads the JSON body of an HR event strictly: every field typed, no unknown field, the fields its type needs.</summary>
public static partial class HrEventReader
{
    private static readonly Dictionary<string, HrEventKind> Kinds = new(StringComparer.Ordinal)
    {
        ["hire"] = HrEventKind.Hire,
        ["leave"] = HrEventKind.Leave,
        ["team-change"] = HrEventKind.TeamChange,
        ["contract-extension"] = HrEventKind.ContractExtension,
        ["terminate"] = HrEventKind.Terminate,
    };

    private static readonly Dictionary<HrEventKind, string[]> Fields = new()
    {
        [HrEventKind.Hire] = ["name", "email", "teams", "contract"],
        [HrEventKind.Leave] = [],
        [HrEventKind.TeamChange] = ["teams"],
        [HrEventKind.ContractExtension] = ["end"],
        [HrEventKind.Terminate] = [],
    };

    private static readonly string[] Common = ["id", "type", "issuedAt", "effective", "person"];

    /// <summary>A hire's end date is optional: employees may have none, contractors must (checked with people.yaml).</summary>
    private static readonly string[] HireOptional = ["end"];

    /// <summary>A leave's time is optional: without it access ends at the end of the effective day (UTC).</summary>
    private static readonly string[] LeaveOptional = ["at"];

    public static string TypeName(HrEventKind kind) => Kinds.Single(k => k.Value == kind).Key;

    public static bool TryRead(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out HrEvent? hrEvent, [NotNullWhen(false)] out string? error)
    {
        hrEvent = null;
        var json = JsonText.WithoutBom(body);
        if (JsonText.FirstInvalidUtf8(json) is { } invalid)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"is not UTF-8 at line {invalid.Line}, column {invalid.Column} (byte {invalid.Offset}); HR sends events as UTF-8 JSON");
            return false;
        }
        try
        {
            // A key given twice is refused: another parser could read the same signed bytes as the other value.
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, AllowDuplicateProperties = false });
            return TryRead(document.RootElement, out hrEvent, out error);
        }
        catch (JsonException) when (JsonText.FirstRepeatedKey(json) is { } repeated)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"is not valid JSON at line {repeated.Line}, column {repeated.Column}: {repeated.Problem}");
            return false;
        }
        catch (JsonException e)
        {
            // The parser's position is 0-based and at the end of its message: said here 1-based, before the reason.
            var reason = e.Message.Split(" LineNumber:")[0];
            error = string.Create(CultureInfo.InvariantCulture, $"is not valid JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {reason}");
            return false;
        }
    }

    private static bool TryRead(JsonElement root, [NotNullWhen(true)] out HrEvent? hrEvent, [NotNullWhen(false)] out string? error)
    {
        hrEvent = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = $"expected a JSON object, found {root.ValueKind}";
            return false;
        }
        var errors = new List<string>();
        var type = Text(root, "type", errors);
        if (type is null || !Kinds.TryGetValue(type, out var kind))
        {
            error = type is null ? errors[0] : $"type '{type}' is not known; expected one of {string.Join(", ", Kinds.Keys)}";
            return false;
        }
        var optional = kind switch
        {
            HrEventKind.Hire => HireOptional,
            HrEventKind.Leave => LeaveOptional,
            _ => [],
        };
        var allowed = Common.Concat(Fields[kind]).Concat(optional).ToHashSet(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
        {
            errors.Add($"'{property.Name}' is not a field of a {type} event; allowed: {string.Join(", ", allowed)}");
        }
        var id = Matching(root, "id", EventId(), "1 to 128 letters, digits and . _ : -", errors);
        var issuedAt = IssuedAt(root, errors);
        var effective = Date(root, "effective", errors);
        var person = Matching(root, "person", Patterns.PersonId(), "a lowercase login of 2 to 32 letters and digits", errors);
        var needs = Fields[kind];
        var name = needs.Contains("name") ? Text(root, "name", errors) : null;
        var email = needs.Contains("email") ? Matching(root, "email", Patterns.Email(), "a lowercase e-mail address", errors) : null;
        var teams = needs.Contains("teams") ? Teams(root, errors) : null;
        var contract = needs.Contains("contract") ? Contract(root, errors) : null;
        var end = needs.Contains("end") || (optional.Contains("end") && root.TryGetProperty("end", out _)) ? Date(root, "end", errors) : null;
        var at = optional.Contains("at") && root.TryGetProperty("at", out _) ? Instant(root, "at", errors) : null;
        if (at is { } time && effective is { } day && DateOnly.FromDateTime(time.UtcDateTime) != day)
        {
            errors.Add($"'at' {time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} is not on the effective day {day:yyyy-MM-dd} (UTC); 'at' is the time access ends on the last day");
        }
        if (errors.Count > 0)
        {
            error = string.Join("; ", errors);
            return false;
        }
        hrEvent = new HrEvent(id!, kind, issuedAt!.Value, effective!.Value, person!, name, email, teams, contract, end) { At = at };
        error = null;
        return true;
    }

    private static string? Text(JsonElement root, string field, List<string> errors)
    {
        if (!root.TryGetProperty(field, out var value))
        {
            errors.Add($"'{field}' is missing");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            errors.Add($"'{field}' must be a non-empty string");
            return null;
        }
        return text;
    }

    private static string? Matching(JsonElement root, string field, Regex pattern, string allowed, List<string> errors)
    {
        var text = Text(root, field, errors);
        if (text is not null && !pattern.IsMatch(text))
        {
            errors.Add($"'{field}' is not valid; expected {allowed}");
            return null;
        }
        return text;
    }

    private static DateOnly? Date(JsonElement root, string field, List<string> errors)
    {
        var text = Text(root, field, errors);
        if (text is null)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year > ValueReader.LatestYear)
        {
            errors.Add($"'{field}' is not valid; expected a date as YYYY-MM-DD, before the year {ValueReader.LatestYear + 1}");
            return null;
        }
        return day;
    }

    /// <summary>The time HR sent the event, with its offset; it is signed with the body, so it cannot be changed in transit.</summary>
    private static DateTimeOffset? IssuedAt(JsonElement root, List<string> errors) => Instant(root, "issuedAt", errors);

    private static DateTimeOffset? Instant(JsonElement root, string field, List<string> errors)
    {
        var text = Text(root, field, errors);
        if (text is null)
        {
            return null;
        }
        if (!HasOffset(text) || !DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            || at.Year > ValueReader.LatestYear)
        {
            errors.Add($"'{field}' is not valid; expected an ISO 8601 time with its offset, e.g. 2026-11-22T08:55:00Z");
            return null;
        }
        return at;
    }

    private static EquatableList<string>? Teams(JsonElement root, List<string> errors)
    {
        if (!root.TryGetProperty("teams", out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0
            || value.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String || !Patterns.KebabName().IsMatch(t.GetString()!)))
        {
            errors.Add("'teams' must be a non-empty list of team ids of teams.yaml, e.g. [\"payments\"]");
            return null;
        }
        return value.EnumerateArray().Select(t => t.GetString()!).ToEquatableList();
    }

    private static ContractKind? Contract(JsonElement root, List<string> errors)
    {
        switch (Text(root, "contract", errors))
        {
            case null:
                return null;
            case "employee":
                return ContractKind.Employee;
            case "contractor":
                return ContractKind.Contractor;
            case var other:
                errors.Add($"'contract' is not valid; expected employee or contractor, not '{other}'");
                return null;
        }
    }

    /// <summary>Without an offset a time would be read in the machine's time zone: Z or ±hh:mm is required.</summary>
    private static bool HasOffset(string text) => text.EndsWith('Z') || OffsetSuffix().IsMatch(text);

    [GeneratedRegex("[+-][0-9]{2}:[0-9]{2}$")]
    private static partial Regex OffsetSuffix();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")]
    private static partial Regex EventId();
}
