using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Infra.Blueprints.People;
using Spectre.Console;

namespace Infra.Cli.Access;

/// <summary>The access review: every person, every system they reach, why and until when, as a table, CSV, Markdown or JSON.</summary>
internal static partial class AccessReportWriter
{
    private static readonly string[] Columns = ["person", "system", "resource", "level", "why", "until"];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = AccessJsonContext.Default,
    };

    public static void Write(AccessSnapshot snapshot, AccessReportFormat format, IAnsiConsole console)
    {
        switch (format)
        {
            case AccessReportFormat.Table:
                Table(snapshot, console);
                break;
            default:
                console.Profile.Out.Writer.Write(Text(snapshot, format));
                break;
        }
    }

    /// <summary>The report as text in one of the machine-readable formats (csv, markdown, json).</summary>
    public static string Text(AccessSnapshot snapshot, AccessReportFormat format) => format switch
    {
        AccessReportFormat.Csv => Csv(snapshot),
        AccessReportFormat.Markdown => Markdown(snapshot),
        AccessReportFormat.Json => JsonText(snapshot),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "expected csv, markdown or json; the table is written to a console"),
    };

    public static string Until(DateOnly? until) => until is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "no end date";

    /// <summary>"on 2026-12-02" for the start of a UTC day, "at 2026-12-02 16:30Z" for another time.</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.TimeOfDay == TimeSpan.Zero
        ? at.UtcDateTime.ToString("'on 'yyyy-MM-dd", CultureInfo.InvariantCulture)
        : at.UtcDateTime.ToString("'at 'yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string[] Cells(AccessEntry e) => [e.Person, e.System, e.Resource, e.Level, e.Why, Until(e.Until)];

    private static void Table(AccessSnapshot snapshot, IAnsiConsole console)
    {
        var table = new Table { Title = new TableTitle($"Access on stack {snapshot.Stack} {When(snapshot.At)}"), Border = TableBorder.Rounded };
        foreach (var column in Columns)
        {
            table.AddColumn(column);
        }
        foreach (var entry in snapshot.Entries)
        {
            table.AddRow(Cells(entry).Select(Markup.Escape).ToArray());
        }
        console.Write(table);
        console.MarkupLine(Markup.Escape(Summary(snapshot)));
    }

    public static string Summary(AccessSnapshot snapshot) =>
        string.Create(CultureInfo.InvariantCulture, $"{snapshot.People.Count()} people with access, {snapshot.Entries.Count} entries, {snapshot.Entries.Count(e => e.Grant is not null)} from temporary grants.");

    /// <summary>RFC 4180: every field quoted when it holds a comma, quote or line break; CRLF line ends.</summary>
    private static string Csv(AccessSnapshot snapshot)
    {
        var text = new StringBuilder().Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var entry in snapshot.Entries)
        {
            text.Append(string.Join(',', Cells(entry).Select(CsvField))).Append("\r\n");
        }
        return text.ToString();
    }

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Markdown(AccessSnapshot snapshot)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# Access on stack {snapshot.Stack} {When(snapshot.At)}\n\n")
            .Append("| ").Append(string.Join(" | ", Columns)).Append(" |\n")
            .Append('|').Append(string.Concat(Columns.Select(_ => " --- |"))).Append('\n');
        foreach (var entry in snapshot.Entries)
        {
            text.Append("| ").Append(string.Join(" | ", Cells(entry).Select(MarkdownCell))).Append(" |\n");
        }
        return text.Append('\n').Append(Summary(snapshot)).Append('\n').ToString();
    }

    private static string MarkdownCell(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string JsonText(AccessSnapshot snapshot) => JsonSerializer.Serialize(
        new ReportJson(
            snapshot.Stack,
            snapshot.Day,
            snapshot.At.ToUniversalTime(),
            [.. snapshot.Entries.Select(e => new EntryJson(
                e.Person,
                e.System,
                e.Resource,
                e.Level,
                e.Why,
                e.Teams,
                e.Grant is { } g ? new GrantJson(g.System, g.Access, g.Reason, g.Approver, g.Start, g.Expires) : null,
                e.Until))]),
        (JsonTypeInfo<ReportJson>)Json.GetTypeInfo(typeof(ReportJson))) + "\n";

    private sealed record ReportJson(string Stack, DateOnly Day, DateTimeOffset At, EntryJson[] Entries);

    private sealed record EntryJson(
        string Person, string System, string Resource, string Level, string Why, IReadOnlyList<string> Teams, GrantJson? Grant, DateOnly? Until);

    private sealed record GrantJson(string System, string Access, string Reason, string Approver, DateOnly Start, DateOnly Expires);

    // Source-generated metadata (no reflection), so the command also runs compiled ahead of time.
    [JsonSerializable(typeof(ReportJson))]
    private sealed partial class AccessJsonContext : JsonSerializerContext;
}

/// <summary>The formats of <c>infra access report --output</c>.</summary>
internal enum AccessReportFormat
{
    Table,
    Csv,
    Markdown,
    Json,
}
