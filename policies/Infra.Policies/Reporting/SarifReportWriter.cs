using System.Text.Json;
using Infra.Policies.Evaluation;
using Infra.Policies.Rules;

namespace Infra.Policies.Reporting;

/// <summary>
/// SARIF 2.1.0: <c>version</c>, <c>$schema</c>, one run whose <c>tool.driver</c> lists the rules, and one result per
/// violation with <c>ruleId</c>, <c>level</c>, <c>message.text</c> and <c>locations</c> (the file and line, and the URN and the
/// property path as logical locations); each rule has a <c>helpUri</c>, its section of policies/RULES.md. Waived violations carry an external suppression; baselined ones <c>baselineState: unchanged</c>.
/// </summary>
public sealed class SarifReportWriter : IComplianceReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public string Format => "sarif";

    public void Write(ComplianceReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ruleIndex = report.Rules.Select((r, i) => (r.Rule.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("version", "2.1.0");
        json.WriteString("$schema", SchemaUri);
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "infra compliance");
        json.WriteString("informationUri", "https://gitlab.example-bank.eu/bank/platform/infra/-/tree/main/policies");
        json.WriteString("version", typeof(SarifReportWriter).Assembly.GetName().Version?.ToString() ?? "1.0.0");
        json.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Rule.Id);
            json.WriteString("name", rule.Rule.Id);
            WriteText(json, "shortDescription", rule.Rule.Title);
            WriteText(json, "fullDescription", rule.Rule.Rationale);
            WriteText(json, "help", rule.Rule.Remediation);
            json.WriteString("helpUri", rule.Rule.HelpUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", rule.Enforcement == EnforcementLevel.Mandatory ? "error" : "warning");
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("severity", ReportText.Of(rule.Rule.Severity));
            json.WriteStartArray("tags");
            rule.Rule.Frameworks.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var violation in report.Violations)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", violation.RuleId);
            if (ruleIndex.TryGetValue(violation.RuleId, out var index))
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", violation.Fails ? "error" : violation.Outcome == ViolationOutcome.Advisory ? "warning" : "note");
            WriteText(json, "message", $"{violation.Message} ({violation.Urn})");
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", violation.Location.Path);
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", violation.Location.Line);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", violation.Urn);
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            if (violation.PropertyPath is { } path)
            {
                json.WriteStartObject();
                json.WriteString("fullyQualifiedName", $"{violation.Urn}#{path}");
                json.WriteString("name", path);
                json.WriteString("kind", "property");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            if (violation.PropertyPath is { } property)
            {
                json.WriteStartObject("properties");
                json.WriteString("propertyPath", property);
                json.WriteEndObject();
            }

            json.WriteStartObject("partialFingerprints");
            json.WriteString("infraCompliance/v1", violation.Fingerprint);
            json.WriteEndObject();
            if (violation.Waiver is { } waiver)
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "external");
                json.WriteString("justification", $"{waiver.Justification} (approved by {waiver.Approver}, until {ReportText.Date(waiver.Expires)})");
                json.WriteEndObject();
                json.WriteEndArray();
            }

            if (violation.InBaseline)
            {
                json.WriteString("baselineState", "unchanged");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
