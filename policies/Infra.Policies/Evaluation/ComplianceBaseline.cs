using System.Globalization;
using System.Text.Json;
using Infra.Blueprints.Loading;
using Infra.Policies.Enforcement;
using Infra.Policies.Reading;

namespace Infra.Policies.Evaluation;

/// <summary>
/// Violations accepted as known: only violations not in the baseline fail. The file is JSON:
/// <c>{"version":1,"violations":[{"stack":"production","urn":"urn:pulumi:...","ruleId":"aws-lb-access-logs-enabled"}]}</c>.
/// </summary>
public sealed class ComplianceBaseline
{
    /// <summary>The one version of the file's format.</summary>
    private const int Version = 1;

    private readonly HashSet<BaselineEntry> _entries;

    private ComplianceBaseline(IEnumerable<BaselineEntry> entries) => _entries = [.. entries];

    public static ComplianceBaseline Empty { get; } = new([]);

    public IReadOnlyCollection<BaselineEntry> Entries => _entries;

    public bool Contains(string stack, string urn, string ruleId) => _entries.Contains(new BaselineEntry(stack, urn, ruleId));

    /// <summary>A baseline of every violation of the report that is not waived (what <c>--write-baseline</c> would save).</summary>
    public static ComplianceBaseline FromReport(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Violations.Where(v => v.Outcome != ViolationOutcome.Waived).Select(v => new BaselineEntry(v.Stack, v.Urn, v.RuleId)));
    }

    public static ComplianceBaseline Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PolicyFileException([new PolicyFileDiagnostic(path, "", null, "cannot read the baseline: " + ex.Message)]);
        }
    }

    /// <summary>
    /// Reads a baseline strictly, as <c>--write-baseline</c> writes it: UTF-8 JSON (a leading BOM skipped), each key once,
    /// <c>"version": 1</c>, and every violation's three strings; anything else is an error with its position.
    /// </summary>
    public static ComplianceBaseline Read(Stream stream, string file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var json = JsonText.WithoutBom(buffer.ToArray());
        if (JsonText.FirstInvalidUtf8(json) is { } invalid)
        {
            throw Fail(file, "", (int)invalid.Line, string.Create(CultureInfo.InvariantCulture, $"is not UTF-8 at column {invalid.Column}; --write-baseline writes UTF-8 JSON"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException) when (JsonText.FirstRepeatedKey(json) is { } repeated)
        {
            throw Fail(file, "", (int)repeated.Line, string.Create(CultureInfo.InvariantCulture, $"at column {repeated.Column}: {repeated.Problem}"));
        }
        catch (JsonException ex)
        {
            var truncated = JsonSyntax.IsValidPrefix(json.Span, default) && !JsonSyntax.IsComplete(json.Span);
            throw Fail(file, "", (int)(ex.LineNumber ?? 0) + 1, string.Create(CultureInfo.InvariantCulture, $"at column {(ex.BytePositionInLine ?? 0) + 1}: {JsonSyntax.Describe(ex, truncated)}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("violations", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw Fail(file, "", null, "expected {\"version\":1,\"violations\":[...]}");
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != Version)
            {
                throw Fail(file, "version", null, string.Create(CultureInfo.InvariantCulture, $"expected the number {Version}, as --write-baseline writes it; found {(version.ValueKind == JsonValueKind.Undefined ? "none" : version.GetRawText())}"));
            }

            var entries = new List<BaselineEntry>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = $"violations[{index++}]";
                string Field(string name) =>
                    item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                        ? value.GetString()!
                        : throw Fail(file, $"{path}.{name}", null, $"missing text '{name}'");
                entries.Add(new BaselineEntry(Field("stack"), Field("urn"), Field("ruleId")));
            }

            return new ComplianceBaseline(entries);
        }
    }

    public void Write(Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("version", Version);
        writer.WriteStartArray("violations");
        foreach (var entry in _entries.OrderBy(e => e.Stack, StringComparer.Ordinal).ThenBy(e => e.Urn, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("stack", entry.Stack);
            writer.WriteString("urn", entry.Urn);
            writer.WriteString("ruleId", entry.RuleId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static PolicyFileException Fail(string file, string key, int? line, string message) =>
        new([new PolicyFileDiagnostic(file, key, line, message)]);
}
