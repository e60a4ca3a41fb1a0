using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Infra.Policies.Model;

/// <summary>
/// The fields of an object value, held as two parallel arrays: resource objects are small, so a linear ordinal
/// search is as fast as hashing and takes a fraction of a dictionary's memory (a state holds millions of them).
/// </summary>
internal sealed class PropertyMap : IReadOnlyDictionary<string, PropertyValue>
{
    private readonly string[] _keys;
    private readonly PropertyValue[] _values;

    public PropertyMap(string[] keys, PropertyValue[] values)
    {
        _keys = keys;
        _values = values;
    }

    public static PropertyMap Empty { get; } = new([], []);

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<PropertyValue> Values => _values;

    public PropertyValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.IndexOf(_keys, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PropertyValue value)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                value = _values[i];
                return true;
            }
        }

        value = null;
        return false;
    }

    public PropertyValue? Find(ReadOnlySpan<char> key)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (key.SequenceEqual(_keys[i]))
            {
                return _values[i];
            }
        }

        return null;
    }

    public IEnumerator<KeyValuePair<string, PropertyValue>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, PropertyValue>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
