using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Infra.Policies.Evaluation;

namespace Infra.Policies.Reporting;

/// <summary>
/// JUnit XML for GitLab test reports: one test case per rule that passed, and one per violation (classname = rule id,
/// name = URN). A failing violation is a <c>failure</c>; an advisory, waived or baselined one is <c>skipped</c> with the reason.
/// </summary>
public sealed class JUnitReportWriter : IComplianceReportWriter
{
    public string Format => "junit";

    public void Write(ComplianceReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cases = new List<XElement>();
        foreach (var rule in report.Rules)
        {
            var violations = report.Violations.Where(v => v.RuleId == rule.Rule.Id).ToList();
            if (violations.Count == 0)
            {
                cases.Add(new XElement("testcase", new XAttribute("classname", rule.Rule.Id), new XAttribute("name", rule.Rule.Title), new XAttribute("time", "0")));
                continue;
            }

            foreach (var violation in violations)
            {
                var testCase = new XElement("testcase",
                    new XAttribute("classname", violation.RuleId),
                    new XAttribute("name", violation.Urn),
                    new XAttribute("file", violation.Location.Path),
                    new XAttribute("time", "0"));
                var text = $"{violation.Message}\nresource: {violation.Urn} ({violation.ResourceType})\nseverity: {ReportText.Of(violation.Severity)}, enforcement: {ReportText.Of(violation.Enforcement)}";
                testCase.Add(violation.Fails
                    ? new XElement("failure", new XAttribute("message", violation.Message), new XAttribute("type", ReportText.Of(violation.Severity)), text)
                    : new XElement("skipped", new XAttribute("message", $"{ReportText.Explain(violation)}: {violation.Message}")));
                cases.Add(testCase);
            }
        }

        var failures = cases.Count(c => c.Element("failure") is not null);
        var skipped = cases.Count(c => c.Element("skipped") is not null);
        var suite = new XElement("testsuite",
            new XAttribute("name", $"infra compliance {report.Stack}"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", skipped),
            new XAttribute("timestamp", report.EvaluatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("time", "0"),
            cases);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "infra compliance"),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", failures),
                new XAttribute("errors", 0),
                new XAttribute("skipped", skipped),
                suite));
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false });
        document.Save(writer);
    }
}
