using Infra.Blueprints.Loading;

namespace Infra.Cli.Tests;

/// <summary>The benchmark command keeps working on a small catalog; its timings are never asserted.</summary>
public sealed class BenchCommandTests
{
    private static readonly string Repository = RepositoryRoot.Find(AppContext.BaseDirectory);

    [Fact]
    public void Small_kafka_benchmark_runs_and_reports_its_phases()
    {
        var run = CliRun.Infra(Repository, "bench", "kafka", "--topics", "300", "--services", "20", "--runs", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 (cold)", run.Output, StringComparison.Ordinal);
        Assert.Contains("300 topics, 1,820 ACLs", run.Output, StringComparison.Ordinal);
        Assert.Contains("peak working set", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Out_of_range_size_is_bad_usage()
    {
        var run = CliRun.Infra(Repository, "bench", "kafka", "--topics", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("expected --topics 1..1000000", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_compliance_benchmark_reads_and_evaluates_a_generated_export()
    {
        var run = CliRun.Infra(Repository, "bench", "compliance", "--resources", "200", "--runs", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Export: 200 resources", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 (cold)", run.Output, StringComparison.Ordinal);
        Assert.Contains("peak working set", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compliance_benchmark_keeps_the_export_when_asked()
    {
        var folder = Directory.CreateTempSubdirectory("infra-bench-keep-");
        try
        {
            var export = Path.Combine(folder.FullName, "export.json");

            var run = CliRun.Infra(Repository, "bench", "compliance", "--resources", "50", "--runs", "1", "--keep-export", export);

            Assert.Equal(0, run.ExitCode);
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(export));
            Assert.Equal(50, document.RootElement.GetProperty("deployment").GetProperty("resources").GetArrayLength());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
