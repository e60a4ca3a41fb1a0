using System.Text.Json;
using System.Xml.Linq;
using Infra.Policies.Evaluation;
using Infra.Policies.Reporting;
using Infra.Policies.Rules.Waivers;

namespace Infra.Policies.Tests.Reporting;

/// <summary>Each format carries the fields its consumer (GitLab, SARIF viewers) requires, and the counts agree with the report.</summary>
public sealed class ReportFormatTests
{
    private static readonly ComplianceReport Report = ReportScenario.Report();
    private static readonly string[] SarifLevels = ["error", "warning", "note"];
    private static readonly string[] CodeQualitySeverities = ["info", "minor", "major", "critical", "blocker"];

    [Fact]
    public void The_scenario_has_every_outcome()
    {
        Assert.All(Enum.GetValues<ViolationOutcome>(), o => Assert.True(Report.CountOf(o) > 0, o.ToString()));
        Assert.True(Report.HasFailures);
    }

    [Fact]
    public void JUnit_parses_and_its_counts_match_the_report()
    {
        var document = XDocument.Parse(ReportScenario.Render(new JUnitReportWriter(), Report));

        var suite = document.Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(cases.Count, (int)suite.Attribute("tests")!);
        Assert.Equal(Report.CountOf(ViolationOutcome.Failing), (int)suite.Attribute("failures")!);
        Assert.Equal(Report.CountOf(ViolationOutcome.Failing), cases.Count(c => c.Element("failure") is not null));
        Assert.Equal(Report.Violations.Count - Report.CountOf(ViolationOutcome.Failing), (int)suite.Attribute("skipped")!);
        var passingRules = Report.Rules.Count(r => Report.Violations.All(v => v.RuleId != r.Rule.Id));
        Assert.Equal(Report.Violations.Count + passingRules, cases.Count);
        Assert.Equal((int)suite.Attribute("tests")!, (int)document.Root.Attribute("tests")!);
    }

    [Fact]
    public void Sarif_has_its_required_fields()
    {
        using var document = JsonDocument.Parse(ReportScenario.Render(new SarifReportWriter(), Report));
        var root = document.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifReportWriter.SchemaUri, root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("infra compliance", driver.GetProperty("name").GetString());
        var ruleIds = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(Report.Rules.Count, ruleIds.Count);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Report.Violations.Count, results.Count);
        Assert.All(results, result =>
        {
            Assert.Contains(result.GetProperty("ruleId").GetString(), ruleIds);
            Assert.Contains(result.GetProperty("level").GetString(), SarifLevels);
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray());
            Assert.False(string.IsNullOrEmpty(location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
            Assert.True(location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        });
        Assert.Equal(Report.CountOf(ViolationOutcome.Failing), results.Count(r => r.GetProperty("level").GetString() == "error"));
        Assert.Equal(Report.CountOf(ViolationOutcome.Waived), results.Count(r => r.TryGetProperty("suppressions", out _)));
    }

    [Fact]
    public void Code_quality_entries_carry_description_check_name_fingerprint_severity_and_location()
    {
        using var document = JsonDocument.Parse(ReportScenario.Render(new CodeQualityReportWriter(), Report));

        var issues = document.RootElement.EnumerateArray().ToList();

        Assert.Equal(Report.Violations.Count - Report.CountOf(ViolationOutcome.Waived), issues.Count);
        Assert.All(issues, issue =>
        {
            Assert.False(string.IsNullOrEmpty(issue.GetProperty("description").GetString()));
            Assert.False(string.IsNullOrEmpty(issue.GetProperty("check_name").GetString()));
            Assert.Matches("^[0-9a-f]{64}$", issue.GetProperty("fingerprint").GetString()!);
            Assert.Contains(issue.GetProperty("severity").GetString(), CodeQualitySeverities);
            Assert.False(string.IsNullOrEmpty(issue.GetProperty("location").GetProperty("path").GetString()));
            Assert.True(issue.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() >= 1);
        });
        Assert.Equal(issues.Count, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
        Assert.Contains(issues, i => i.GetProperty("check_name").GetString() == ExpiredWaiverRule.Code
            && i.GetProperty("location").GetProperty("path").GetString() == "policies/waivers.yaml");
    }

    [Fact]
    public void Json_report_summarises_the_outcomes()
    {
        using var document = JsonDocument.Parse(ReportScenario.Render(new JsonReportWriter(), Report));
        var root = document.RootElement;

        Assert.Equal("production", root.GetProperty("stack").GetString());
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal(Report.CountOf(ViolationOutcome.Failing), root.GetProperty("summary").GetProperty("failing").GetInt32());
        Assert.Equal(Report.Violations.Count, root.GetProperty("violations").GetArrayLength());
    }

    [Fact]
    public void Writers_are_found_by_format_name()
    {
        Assert.Equal(["table", "json", "junit", "sarif", "codequality"], ComplianceReportWriters.Formats);
        Assert.IsType<SarifReportWriter>(ComplianceReportWriters.For("SARIF"));
        Assert.Null(ComplianceReportWriters.For("html"));
    }
}
