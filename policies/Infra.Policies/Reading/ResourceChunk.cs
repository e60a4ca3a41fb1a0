using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// The bytes of consecutive resources of an export, each a whole JSON object, and once built (<see cref="Build"/>) the
/// resources they hold, in file order.
/// </summary>
internal sealed class ResourceChunk(byte[] bytes)
{
    private readonly List<int> _ends = [];
    private byte[] _bytes = bytes;
    private int _used;

    public int Count => _ends.Count;

    public int Size => _used;

    public PolicyResource[] Resources { get; private set; } = [];

    /// <summary>Each resource's <c>"delete": true</c> (see <see cref="StackExportEntry.PendingDeletion"/>).</summary>
    public bool[] PendingDeletion { get; private set; } = [];

    public void Add(ReadOnlySpan<byte> resource)
    {
        if (_used + resource.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + resource.Length));
        }

        resource.CopyTo(_bytes.AsSpan(_used));
        _used += resource.Length;
        _ends.Add(_used);
    }

    /// <summary>
    /// Builds the resources; the bytes were checked by the parser, so a builder's error is one the parser cannot see (a
    /// repeated key, a resource without urn). Returns the chunk's buffer, which it no longer needs, for another chunk.
    /// </summary>
    public byte[] Build(ResourceTreeBuilder builder)
    {
        var resources = new PolicyResource[_ends.Count];
        var pending = new bool[_ends.Count];
        var start = 0;
        for (var i = 0; i < _ends.Count; i++)
        {
            var reader = new System.Text.Json.Utf8JsonReader(_bytes.AsSpan(start, _ends[i] - start), isFinalBlock: true, state: default);
            if (!reader.Read() || !builder.TryReadResource(ref reader, out var resource, out pending[i]))
            {
                throw new InvalidDataException("a resource the parser passed is incomplete");
            }

            resources[i] = resource!;
            start = _ends[i];
        }

        Resources = resources;
        PendingDeletion = pending;
        var buffer = _bytes;
        _bytes = [];
        return buffer;
    }
}
