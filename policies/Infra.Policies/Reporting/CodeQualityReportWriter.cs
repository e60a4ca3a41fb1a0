using System.Text.Json;
using Infra.Policies.Evaluation;
using Infra.Policies.Rules;

namespace Infra.Policies.Reporting;

/// <summary>
/// GitLab Code Quality JSON: an array of issues with <c>description</c>, <c>check_name</c>, <c>fingerprint</c>,
/// <c>severity</c> (info, minor, major, critical, blocker) and <c>location.path</c> / <c>location.lines.begin</c>.
/// Waived violations are left out; advisory ones are at most <c>minor</c>.
/// </summary>
public sealed class CodeQualityReportWriter : IComplianceReportWriter
{
    public string Format => "codequality";

    public void Write(ComplianceReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var violation in report.Violations.Where(v => v.Outcome != ViolationOutcome.Waived))
        {
            json.WriteStartObject();
            json.WriteString("type", "issue");
            json.WriteString("description", violation.PropertyPath is { } property
                ? $"{violation.RuleId}: {violation.Message} ({violation.Urn}, property {property})"
                : $"{violation.RuleId}: {violation.Message} ({violation.Urn})");
            json.WriteString("check_name", violation.RuleId);
            json.WriteString("fingerprint", violation.Fingerprint);
            json.WriteString("severity", SeverityOf(violation));
            json.WriteStartArray("categories");
            json.WriteStringValue("Security");
            json.WriteEndArray();
            json.WriteStartObject("location");
            json.WriteString("path", violation.Location.Path);
            json.WriteStartObject("lines");
            json.WriteNumber("begin", violation.Location.Line);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal static string SeverityOf(Violation violation)
    {
        if (!violation.Fails)
        {
            return violation.Severity >= RuleSeverity.High ? "minor" : "info";
        }

        return violation.Severity switch
        {
            RuleSeverity.Critical => "blocker",
            RuleSeverity.High => "critical",
            RuleSeverity.Medium => "major",
            _ => "minor",
        };
    }
}
