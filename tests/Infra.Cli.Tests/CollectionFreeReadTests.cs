using System.Runtime;
using Infra.Policies.Benchmarking;
using Infra.Policies.Reading;

namespace Infra.Cli.Tests;

/// <summary>
/// A large state is read with the garbage collector held off, and the collector is always given back. The region is
/// process-wide, so these tests run alone (their collection is not run in parallel with others).
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class CollectionFreeReadTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"infra-collection-free-{Guid.NewGuid():N}.json");

    public CollectionFreeReadTests()
    {
        using var file = File.Create(_file);
        file.SetLength(CollectionFreeRead.MinimumFileBytes);
    }

    public void Dispose() => File.Delete(_file);

    [Theory]
    [InlineData(1_000_000L, 0L)]
    [InlineData((16L << 20) - 1, 0L)]
    [InlineData(16L << 20, 32L << 20)]
    [InlineData(116L << 20, 232L << 20)]
    [InlineData(1L << 30, 256L << 20)]
    public void The_budget_is_twice_the_file_within_bounds(long fileBytes, long budget) =>
        Assert.Equal(budget, CollectionFreeRead.BudgetFor(fileBytes));

    [Fact]
    public void A_large_file_is_read_without_collections_then_promoted_to_the_oldest_generation_and_the_collector_is_given_back()
    {
        var collections = -1;
        var mode = GCLatencyMode.Batch;

        var read = CollectionFreeRead.Run(_file, () =>
        {
            var before = GC.CollectionCount(0);
            var kept = Enumerable.Range(0, 100_000).Select(i => new byte[100]).ToList(); // about 13 MB, all surviving
            collections = GC.CollectionCount(0) - before;
            mode = GCSettings.LatencyMode;
            return kept;
        });

        Assert.Equal(100_000, read.Count);
        Assert.Equal((0, GCLatencyMode.NoGCRegion), (collections, mode));
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.Equal(GC.MaxGeneration, GC.GetGeneration(read[^1])); // in the oldest generation before the rules run, where their collections leave it
    }

    [Fact]
    public void An_export_large_enough_for_a_region_is_read_as_the_plain_reader_reads_it_and_the_collector_is_given_back()
    {
        using (var file = File.Create(_file))
        {
            SyntheticStackExport.Write(file, 15_000, "production");
        }
        Assert.True(new FileInfo(_file).Length >= CollectionFreeRead.MinimumFileBytes);

        var read = CollectionFreeRead.ReadExport(_file);

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.Equal(StackExportReader.ReadFile(_file).Select(r => r.Urn), read.Select(r => r.Urn));
        Assert.True(read.Count >= 15_000);
    }

    [Fact]
    public void A_read_that_fails_gives_the_collector_back_and_its_error_out()
    {
        Assert.Throws<InvalidDataException>(() => CollectionFreeRead.Run<int>(_file, () => throw new InvalidDataException("bad export")));

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_small_or_missing_file_is_read_as_usual()
    {
        var mode = CollectionFreeRead.Run(Path.Combine(Path.GetTempPath(), "no-such-export.json"), () => GCSettings.LatencyMode);

        Assert.NotEqual(GCLatencyMode.NoGCRegion, mode);
    }
}
