using System.Text;

namespace Infra.Policies.Reading;

/// <summary>
/// Shares the strings of repeated UTF-8 texts (property names, enum-like values) without decoding them again:
/// an open-addressing table keyed on the raw bytes. Bounded, so unique texts cannot make it grow without end.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int MaximumEntries = 1 << 18;

    private byte[]?[] _keys = new byte[]?[1 << 12];
    private string[] _values = new string[1 << 12];
    private int _count;

    public string Get(ReadOnlySpan<byte> bytes)
    {
        var mask = _keys.Length - 1;
        var slot = Hash(bytes) & mask;
        while (_keys[slot] is { } key)
        {
            if (bytes.SequenceEqual(key))
            {
                return _values[slot];
            }

            slot = (slot + 1) & mask;
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (_count < MaximumEntries)
        {
            _keys[slot] = bytes.ToArray();
            _values[slot] = text;
            if (++_count * 2 > _keys.Length)
            {
                Grow();
            }
        }

        return text;
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode() & int.MaxValue;
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new byte[]?[keys.Length * 2];
        _values = new string[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] is not { } key)
            {
                continue;
            }

            var slot = Hash(key) & mask;
            while (_keys[slot] is not null)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = key;
            _values[slot] = values[i];
        }
    }
}
