using System.Runtime;
using Infra.Policies.Model;
using Infra.Policies.Reading;

namespace Infra.Cli;

/// <summary>
/// Reads a large state with the garbage collector held off for about what reading it allocates. Everything a reader
/// builds survives until the rules have run, so a collection during the read finds no garbage: it only copies the
/// resources (twice, on their way to the oldest generation) and marks them again in the background. On the
/// 100,000-resource benchmark export this saves about a sixth of the CPU of `infra compliance` and lowers its peak
/// memory (README, Benchmarks). A file that allocates more than the budget is collected as usual once it is spent.
/// Deliberately two forced collections after the read, see <see cref="Run"/>.
/// </summary>
internal static class CollectionFreeRead
{
    /// <summary>Files smaller than this are read as usual: the few collections they cause cost nothing worth a region.</summary>
    public const long MinimumFileBytes = 16L << 20;

    /// <summary>The largest budget asked for.</summary>
    public const long MaximumBudgetBytes = 256L << 20;

    /// <summary>
    /// The budget for a file: twice its size, at most <see cref="MaximumBudgetBytes"/>; zero (no region) below
    /// <see cref="MinimumFileBytes"/>. Reading an export allocates about 1.35 bytes per byte of it; a budget that runs out
    /// during the read costs more than it saves (measured: 1.5 times the benchmark export raised the peak by 40 MB, twice did not).
    /// </summary>
    public static long BudgetFor(long fileBytes) =>
        fileBytes < MinimumFileBytes ? 0 : Math.Min(2 * fileBytes, MaximumBudgetBytes);

    /// <summary>A <c>pulumi stack export</c> read as <c>infra compliance</c> reads it (and so as its benchmark times it).</summary>
    public static ResourceSet ReadExport(string file) => Run(file, () => StackExportReader.ReadFile(file));

    /// <summary>Runs <paramref name="read"/> without collections for <see cref="BudgetFor"/> the file's size; the region always ends with it, whatever it throws.</summary>
    public static T Run<T>(string file, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var started = Start(BudgetFor(File.Exists(file) ? new FileInfo(file).Length : 0));
        try
        {
            return read();
        }
        finally
        {
            // A read that allocated beyond the budget has ended the region already.
            if (started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }

            // Two collections that move nothing take what was read into the oldest generation (each promotes it by one), where
            // the rules' young collections never look at it again. Left to the first collection the rules cause, its timing
            // decided the peak (263 to 323 MB over the benchmark export); after a single one the tree was still in generation 1,
            // and the rules' first collection then condemned and compacted all of it. The first is of the young generations
            // only: a full one would free the large arrays the read left behind (its caches), and the second, full, would then
            // find the large object heap three-quarters free, which under GCConserveMemory compacts the whole heap (80 to 120 ms
            // against 35 to 55 ms; the peak is 15 MB higher for it). The second sets the oldest generation's budget from the
            // tree, so the rules' collections never condemn it.
            if (started)
            {
                GC.Collect(1, GCCollectionMode.Forced, blocking: true, compacting: false);
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
            }
        }
    }

    /// <summary>Starts the region; false when there is no budget or the runtime refuses it (a heap limit below the budget), and the read then runs as usual.</summary>
    private static bool Start(long budget)
    {
        try
        {
            return budget > 0 && GC.TryStartNoGCRegion(budget);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
