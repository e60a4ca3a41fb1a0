using System.Diagnostics;

namespace Infra.Cli;

/// <summary>
/// The exclusive lock of the people catalog, held by <c>hr apply</c> and <c>hr format</c> for their whole
/// read, check, write and journal sequence, so that two runs at once apply one after the other and none
/// loses the other's event. It is an OS lock on <see cref="File"/> (flock on Linux): a run that dies
/// releases it. The file itself stays, empty and ignored by git.
/// </summary>
internal sealed class CatalogLock : IDisposable
{
    public const string File = "stacks/catalog/.hr.lock";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    private readonly FileStream stream;

    private CatalogLock(FileStream stream) => this.stream = stream;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock; null, with the reason written to <paramref name="error"/>, when it cannot be had.</summary>
    public static CatalogLock? Acquire(string repositoryRoot, TimeSpan timeout, TextWriter error, string command)
    {
        var path = Path.Combine(repositoryRoot, File);
        var waited = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                return new CatalogLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (Exception e) when (e is UnauthorizedAccessException or DirectoryNotFoundException)
            {
                error.WriteLine($"infra: {command}: cannot take the lock {File}: {e.Message}");
                return null;
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                if (!told)
                {
                    error.WriteLine($"infra: {command}: waiting for another hr command to release {File}");
                    told = true;
                }
                Thread.Sleep(Poll);
            }
            catch (IOException e)
            {
                error.WriteLine($"infra: {command}: {File} is still held after {timeout.TotalSeconds:0} s (another hr command is running): {e.Message}");
                return null;
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
