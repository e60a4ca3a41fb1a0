using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// Reads an export on every core: one parser walks the file and checks it exactly as <see cref="StackExportParser"/>
/// always does, but hands each resource's bytes on unbuilt (<see cref="ResourceChunks"/>); builders on the other cores,
/// and the parser's thread once it is done, build the resources from them. Building is most of the work of reading, so
/// a large state is read in about half the time on two cores.
/// Any problem gives null, never an error: the caller then reads the file in order, which reports the problem (the
/// first one, at its position) exactly as it always has.
/// </summary>
internal static class ParallelExportReader
{
    public static ResourceSet? TryRead(string path)
    {
        using var chunks = new ResourceChunks();
        var builders = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount - 1))
            .Select(_ => Task.Factory.StartNew(() => Build(chunks), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        StateSecretsProvider? secretsProvider;
        try
        {
            using var stream = StackExportReader.OpenOrFail(path);
            var parser = new StackExportParser(stream, path, chunks);
            while (parser.TryReadNext(out _))
            {
            }

            secretsProvider = parser.SecretsProvider;
            chunks.Complete();
        }
#pragma warning disable CA1031 // Any problem is reported by the sequential reader that the caller runs instead.
        catch (Exception)
#pragma warning restore CA1031
        {
            chunks.Abandon();
            Task.WaitAll(builders);
            return null;
        }

        Build(chunks);
        Task.WaitAll(builders);
        return chunks.Failed ? null : Assemble(chunks.All, secretsProvider);
    }

    /// <summary>Builds queued chunks until there are none left, with a builder of this thread's own (their caches are not shared).</summary>
    private static void Build(ResourceChunks chunks)
    {
        var builder = new ResourceTreeBuilder((problem, _) => new InvalidDataException(problem));
        foreach (var chunk in chunks.Pending())
        {
            if (chunks.Failed)
            {
                continue;
            }

            try
            {
                chunks.Recycle(chunk.Build(builder));
            }
#pragma warning disable CA1031 // The sequential reader reports it.
            catch (Exception)
#pragma warning restore CA1031
            {
                chunks.Fail();
            }
        }
    }

    /// <summary>
    /// The resources in file order, after the checks the sequential parser makes on each built resource; null when one
    /// fails. The set's indexes are built on another core meanwhile: the check of live URNs and the index by URN both hash
    /// every URN, and this tail of the read ran on one core while the other sat idle.
    /// </summary>
    private static ResourceSet? Assemble(IReadOnlyList<ResourceChunk> chunks, StateSecretsProvider? secretsProvider)
    {
        var resources = new List<PolicyResource>(chunks.Sum(c => c.Count));
        foreach (var chunk in chunks)
        {
            resources.AddRange(chunk.Resources);
        }

        var set = Task.Run(() => new ResourceSet(resources) { SecretsProvider = secretsProvider });
        var liveUrns = new HashSet<string>(resources.Count, StringComparer.Ordinal);
        foreach (var chunk in chunks)
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                var resource = chunk.Resources[i];
                if (ResourceIdentity.Problem(resource) is not null || (!chunk.PendingDeletion[i] && !liveUrns.Add(resource.Urn)))
                {
                    set.Wait();
                    return null;
                }
            }
        }

        return set.Result;
    }
}
