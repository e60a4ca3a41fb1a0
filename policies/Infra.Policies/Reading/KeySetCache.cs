using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Infra.Policies.Reading;

/// <summary>
/// Shares the key arrays of objects with the same keys in the same order (every resource of a type has the same
/// tags and the same top-level inputs): one array per shape instead of one per object, fewer objects for the garbage
/// collector to trace while a large state is read. Keys come from <see cref="Utf8StringCache"/>, so two arrays are the
/// same shape when they hold the same string references; an equal key that is another instance just makes another shape.
/// Bounded: past <see cref="MaximumShapes"/> shapes, new shapes are no longer remembered.
/// </summary>
internal sealed class KeySetCache
{
    private const int MaximumShapes = 1 << 14;

    private readonly string[]?[] _shapes = new string[]?[MaximumShapes * 2];
    private readonly int[] _hashes = new int[MaximumShapes * 2];
    private int _count;

    /// <summary>An array holding <c>keys[first..first+count]</c>, shared with earlier objects of the same shape.</summary>
    public string[] Get(List<string> keys, int first, int count)
    {
        var span = CollectionsMarshal.AsSpan(keys).Slice(first, count);
        var hash = Hash(span);
        var mask = _shapes.Length - 1;
        var slot = hash & mask;
        while (_shapes[slot] is { } shape)
        {
            if (_hashes[slot] == hash && SameReferences(shape, span))
            {
                return shape;
            }

            slot = (slot + 1) & mask;
        }

        var created = span.ToArray();
        if (_count < MaximumShapes)
        {
            _shapes[slot] = created;
            _hashes[slot] = hash;
            _count++;
        }

        return created;
    }

    private static int Hash(ReadOnlySpan<string> keys)
    {
        var hash = new HashCode();
        foreach (var key in keys)
        {
            hash.Add(RuntimeHelpers.GetHashCode(key));
        }

        return hash.ToHashCode() & int.MaxValue;
    }

    private static bool SameReferences(string[] shape, ReadOnlySpan<string> keys)
    {
        if (shape.Length != keys.Length)
        {
            return false;
        }

        for (var i = 0; i < shape.Length; i++)
        {
            if (!ReferenceEquals(shape[i], keys[i]))
            {
                return false;
            }
        }

        return true;
    }
}
