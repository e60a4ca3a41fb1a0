using System.Text;
using Infra.Policies.Evaluation;

namespace Infra.Policies.Reporting;

/// <summary>A plain-text table for terminals and CI logs: one line per violation, then a summary line.</summary>
public sealed class TextReportWriter : IComplianceReportWriter
{
    public string Format => "table";

    public void Write(ComplianceReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine($"infra compliance: stack {report.Stack} ({ReportText.Of(report.Environment)}), {report.ResourceCount} resources, {report.Rules.Count} rules");
        foreach (var violation in report.Violations)
        {
            writer.WriteLine($"{ReportText.Of(violation.Outcome).ToUpperInvariant(),-9} {ReportText.Of(violation.Severity),-8} {violation.RuleId}  {violation.Urn}");
            writer.WriteLine($"          {violation.Message}");
            if (violation.Outcome is ViolationOutcome.Waived or ViolationOutcome.Baselined)
            {
                writer.WriteLine($"          {ReportText.Explain(violation)}");
            }
        }

        writer.WriteLine($"{(report.HasFailures ? "FAILED" : "PASSED")}: {report.CountOf(ViolationOutcome.Failing)} failing, {report.CountOf(ViolationOutcome.Advisory)} advisory, {report.CountOf(ViolationOutcome.Waived)} waived, {report.CountOf(ViolationOutcome.Baselined)} in baseline");
    }
}
