using Infra.Policies.Benchmarking;
using Infra.Policies.Evaluation;
using Infra.Policies.Reading;
using Infra.Policies.Rules;
using Infra.Policies.Tests.Support;

namespace Infra.Policies.Tests.Benchmarking;

/// <summary>The benchmark's generated estate is a valid export of a compliant stack (timing it is the CLI's job, not a test's).</summary>
public sealed class SyntheticStackExportTests
{
    [Fact]
    public void A_generated_export_has_the_requested_size_and_no_failing_violation()
    {
        using var stream = new MemoryStream();
        SyntheticStackExport.Write(stream, 2_203, "production");
        stream.Position = 0;

        var resources = StackExportReader.ReadAll(stream, "generated.json");
        var report = new ComplianceEvaluator(new FixedClock(Fixture.Now))
            .Evaluate(resources, PolicyContext.Create("production", StackEnvironment.Production, new FixedClock(Fixture.Now)));

        Assert.Equal(2_203, resources.Count);
        Assert.Empty(report.Violations.Where(v => v.Fails).Select(v => $"{v.RuleId} {v.ResourceType}: {v.Message}").Distinct());
    }
}
