namespace Infra.Policies.Reporting;

/// <summary>The report formats by name. Files are written by the caller, whole or not at all (the CLI's AtomicFile).</summary>
public static class ComplianceReportWriters
{
    public static IReadOnlyList<IComplianceReportWriter> All { get; } =
        [new TextReportWriter(), new JsonReportWriter(), new JUnitReportWriter(), new SarifReportWriter(), new CodeQualityReportWriter()];

    public static IReadOnlyList<string> Formats { get; } = [.. All.Select(w => w.Format)];

    public static IComplianceReportWriter? For(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));
}
