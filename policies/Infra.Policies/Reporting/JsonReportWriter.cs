using System.Text.Json;
using Infra.Policies.Evaluation;

namespace Infra.Policies.Reporting;

/// <summary>The report as JSON: summary, the rules that ran, and every violation with its outcome.</summary>
public sealed class JsonReportWriter : IComplianceReportWriter
{
    public string Format => "json";

    public void Write(ComplianceReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("stack", report.Stack);
        json.WriteString("environment", ReportText.Of(report.Environment));
        json.WriteString("evaluatedAt", report.EvaluatedAt);
        json.WriteNumber("resourceCount", report.ResourceCount);
        json.WriteBoolean("passed", !report.HasFailures);
        json.WriteStartObject("summary");
        foreach (var outcome in Enum.GetValues<ViolationOutcome>())
        {
            json.WriteNumber(ReportText.Of(outcome), report.CountOf(outcome));
        }

        json.WriteEndObject();
        json.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Rule.Id);
            json.WriteString("title", rule.Rule.Title);
            json.WriteString("severity", ReportText.Of(rule.Rule.Severity));
            json.WriteString("enforcement", ReportText.Of(rule.Enforcement));
            json.WriteStartArray("frameworks");
            rule.Rule.Frameworks.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("violations");
        foreach (var violation in report.Violations)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", violation.RuleId);
            json.WriteString("title", violation.Title);
            json.WriteString("severity", ReportText.Of(violation.Severity));
            json.WriteString("enforcement", ReportText.Of(violation.Enforcement));
            json.WriteString("outcome", ReportText.Of(violation.Outcome));
            json.WriteString("urn", violation.Urn);
            json.WriteString("resourceType", violation.ResourceType);
            json.WriteString("message", violation.Message);
            json.WriteStartObject("location");
            json.WriteString("path", violation.Location.Path);
            json.WriteNumber("line", violation.Location.Line);
            json.WriteEndObject();
            if (violation.Waiver is { } waiver)
            {
                json.WriteStartObject("waiver");
                json.WriteString("resource", waiver.Resource);
                json.WriteString("justification", waiver.Justification);
                json.WriteString("approver", waiver.Approver);
                json.WriteString("expires", ReportText.Date(waiver.Expires));
                json.WriteEndObject();
            }

            json.WriteString("fingerprint", violation.Fingerprint);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
