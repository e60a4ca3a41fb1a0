using System.Text;

namespace Infra.Policies.Reading;

/// <summary>
/// Shares the strings of repeated UTF-8 texts (property names, type tokens, parent and provider URNs) without decoding
/// them again: an open-addressing table keyed on the raw bytes. Bounded, so unique texts cannot make
/// it grow without end. The key bytes live in one shared arena and each slot keeps its hash, so a probe touches no
/// other object and the table adds no object per entry for the garbage collector to trace.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int MaximumEntries = 1 << 18;

    private Entry[] _entries = new Entry[1 << 12];
    private byte[] _arena = new byte[1 << 16];
    private int _arenaUsed;
    private int _count;

    public string Get(ReadOnlySpan<byte> bytes)
    {
        var slot = FindOrAdd(bytes);
        return slot < 0 ? Encoding.UTF8.GetString(bytes) : _entries[slot].Text!;
    }

    /// <summary>The slot holding these bytes, after adding them if new; -1 when the cache is full and they are not in it.</summary>
    private int FindOrAdd(ReadOnlySpan<byte> bytes)
    {
        var hash = Utf8Hash.Of(bytes);
        var mask = _entries.Length - 1;
        var slot = hash & mask;
        while (_entries[slot].Text is not null)
        {
            ref var entry = ref _entries[slot];
            if (entry.Hash == hash && bytes.SequenceEqual(_arena.AsSpan(entry.Offset, entry.Length)))
            {
                return slot;
            }

            slot = (slot + 1) & mask;
        }

        if (_count >= MaximumEntries)
        {
            return -1;
        }

        if (_arenaUsed + bytes.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + bytes.Length));
        }

        bytes.CopyTo(_arena.AsSpan(_arenaUsed));
        _entries[slot] = new Entry { Hash = hash, Offset = _arenaUsed, Length = bytes.Length, Text = Encoding.UTF8.GetString(bytes) };
        _arenaUsed += bytes.Length;
        if (++_count * 2 > _entries.Length)
        {
            Grow();
            return Locate(hash, bytes);
        }

        return slot;
    }

    private int Locate(int hash, ReadOnlySpan<byte> bytes)
    {
        var mask = _entries.Length - 1;
        var slot = hash & mask;
        while (_entries[slot] is not { Text: not null } entry || entry.Hash != hash || !bytes.SequenceEqual(_arena.AsSpan(entry.Offset, entry.Length)))
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    private void Grow()
    {
        var entries = _entries;
        _entries = new Entry[entries.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in entries)
        {
            if (entry.Text is null)
            {
                continue;
            }

            var slot = entry.Hash & mask;
            while (_entries[slot].Text is not null)
            {
                slot = (slot + 1) & mask;
            }

            _entries[slot] = entry;
        }
    }

    /// <summary>One slot: empty while <see cref="Text"/> is null; its key is <c>_arena[Offset..Offset+Length]</c>.</summary>
    private struct Entry
    {
        public int Hash;
        public int Offset;
        public int Length;
        public string? Text;
    }
}
