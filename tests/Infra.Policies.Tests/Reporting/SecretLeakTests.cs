using Infra.Policies.Reporting;
using Infra.Policies.Tests.Support;

namespace Infra.Policies.Tests.Reporting;

/// <summary>A secret read from the state never appears in any report, whatever the format.</summary>
public sealed class SecretLeakTests
{
    public static TheoryData<string> Formats => [.. ComplianceReportWriters.Formats];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Secret_plaintext_never_appears_in_a_report(string format)
    {
        var report = ReportScenario.Report();
        Assert.Contains(Fixture.SecretPlaintext, ReportScenario.Export, StringComparison.Ordinal);

        var output = ReportScenario.Render(ComplianceReportWriters.For(format)!, report);

        Assert.Contains("ledger-db", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Fixture.SecretPlaintext, output, StringComparison.Ordinal);
        Assert.DoesNotContain("hvs.CAESIJ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("1b47061264138c4ac30d75fd1eb44270", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_in_a_violated_resource_is_not_in_the_messages()
    {
        var report = ReportScenario.Report();

        Assert.Contains(report.Violations, v => v.Urn.EndsWith("::ledger-db", StringComparison.Ordinal));
        Assert.All(report.Violations, v => Assert.DoesNotContain(Fixture.SecretPlaintext, v.Message, StringComparison.Ordinal));
    }
}
