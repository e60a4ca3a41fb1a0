using System.Collections.Concurrent;

namespace Infra.Policies.Reading;

/// <summary>
/// Where the parser of <see cref="ParallelExportReader"/> puts each resource's bytes: gathered into chunks of about
/// <see cref="ChunkSize"/> bytes, kept in file order, and queued for the builders. The queue is bounded, so a parser
/// faster than its builders waits instead of holding the file in memory. The chunks' buffers are used again once
/// built: a new large array for each chunk would fill the large object heap and set off full collections while reading.
/// </summary>
internal sealed class ResourceChunks : IDisposable
{
    private const int ChunkSize = 1 << 19;

    private readonly BlockingCollection<ResourceChunk> _queue = new(boundedCapacity: 8);
    private readonly ConcurrentQueue<byte[]> _buffers = new();
    private readonly List<ResourceChunk> _all = [];
    private ResourceChunk _current;

    /// <summary>Every chunk, in file order.</summary>
    public IReadOnlyList<ResourceChunk> All => _all;

    private volatile bool _failed;

    public ResourceChunks()
    {
        _current = NewChunk();
    }

    /// <summary>Whether a builder failed, or the parser: the parser stops at its next resource, the builders at their next chunk.</summary>
    public bool Failed => _failed;

    public void Add(ReadOnlySpan<byte> resource)
    {
        if (Failed)
        {
            throw new InvalidDataException("a builder failed");
        }

        _current.Add(resource);
        if (_current.Size >= ChunkSize)
        {
            Queue();
        }
    }

    /// <summary>Queues the last chunk and tells the builders that no more come.</summary>
    public void Complete()
    {
        if (_current.Count > 0)
        {
            Queue();
        }

        _queue.CompleteAdding();
    }

    /// <summary>Tells the builders to stop (the parser failed); what they built is dropped.</summary>
    public void Abandon()
    {
        _failed = true;
        _queue.CompleteAdding();
    }

    /// <summary>A builder failed: the parser stops, and the caller reads the file in order for the error.</summary>
    public void Fail() => _failed = true;

    /// <summary>A built chunk's buffer, for a next chunk.</summary>
    public void Recycle(byte[] buffer) => _buffers.Enqueue(buffer);

    public void Dispose() => _queue.Dispose();

    /// <summary>Chunks to build, until the parser is done; returns when there are none left.</summary>
    public IEnumerable<ResourceChunk> Pending() => _queue.GetConsumingEnumerable();

    private void Queue()
    {
        _all.Add(_current);
        _queue.Add(_current);
        _current = NewChunk();
    }

    private ResourceChunk NewChunk() => new(_buffers.TryDequeue(out var buffer) ? buffer : new byte[ChunkSize]);
}
