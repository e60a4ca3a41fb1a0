using System.Text;
using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// Shares the short string values that repeat ("tcp", "required", a team's name) without remembering every value:
/// a fixed, direct-mapped table of ASCII texts where a new value takes the slot of the one it collides with. Unique values
/// (ids, bucket names, ARNs) would fill a growing table such as <see cref="Utf8StringCache"/> with entries read once, and
/// every lookup would then miss the processor's cache; here they cost one overwritten slot, while values that repeat
/// stay. Values with other than ASCII are never shared, which is rare and only costs memory.
/// </summary>
internal sealed class Utf8ValueCache
{
    private const int Slots = 1 << 14;

    private readonly Entry[] _entries = new Entry[Slots];

    /// <summary>The string value of these UTF-8 bytes, shared with earlier equal values while it holds its slot.</summary>
    public PropertyValue Get(ReadOnlySpan<byte> bytes)
    {
        var hash = Utf8Hash.Of(bytes);
        ref var entry = ref _entries[hash & (Slots - 1)];
        if (entry.Value is { } value && entry.Hash == hash && entry.Text!.Length == bytes.Length && Ascii.Equals(bytes, entry.Text))
        {
            return value;
        }

        var text = Encoding.UTF8.GetString(bytes);
        var created = PropertyValue.FromString(text);
        entry = new Entry { Hash = hash, Text = text, Value = created };
        return created;
    }

    private struct Entry
    {
        public int Hash;
        public string? Text;
        public PropertyValue? Value;
    }
}
