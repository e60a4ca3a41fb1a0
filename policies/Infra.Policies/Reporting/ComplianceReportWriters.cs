namespace Infra.Policies.Reporting;

/// <summary>The report formats by name, and writing a report file without ever leaving a partial file behind.</summary>
public static class ComplianceReportWriters
{
    public static IReadOnlyList<IComplianceReportWriter> All { get; } =
        [new TextReportWriter(), new JsonReportWriter(), new JUnitReportWriter(), new SarifReportWriter(), new CodeQualityReportWriter()];

    public static IReadOnlyList<string> Formats { get; } = [.. All.Select(w => w.Format)];

    public static IComplianceReportWriter? For(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes to a temporary file next to <paramref name="path"/>, then renames it over the target.</summary>
    public static void WriteFile(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
