using System.Text;
using System.Text.Json;
using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// Builds a <see cref="PolicyResource"/> straight from a <see cref="Utf8JsonReader"/>, without an intermediate
/// JSON document. Property names and short strings are shared through a cache (a state repeats the same few
/// hundred names millions of times). Every method returns false when the reader runs out of data, so that the
/// caller can refill its buffer and start the resource again. A secret's content is skipped, never kept.
/// </summary>
internal sealed class ResourceTreeBuilder
{
    private const int MaximumInternedLength = 64;

    private static readonly byte[] SignatureKey = Encoding.UTF8.GetBytes(PropertyTreeReader.SignatureKey);
    private static readonly byte[] SecretSignature = Encoding.UTF8.GetBytes(PropertyTreeReader.SecretSignature);
    private static readonly byte[] UnknownSentinel = Encoding.UTF8.GetBytes(PropertyTreeReader.UnknownSentinel);

    private readonly Utf8StringCache _strings = new();
    private readonly Dictionary<string, PropertyValue> _shortValues = new(StringComparer.Ordinal);
    private readonly PropertyValue?[] _smallIntegers = new PropertyValue?[65536];
    private readonly List<string> _keyStack = [];
    private readonly List<PropertyValue> _valueStack = [];
    private readonly List<PropertyValue> _itemStack = [];

    /// <summary>Reads one resource object; the reader stands on its <c>{</c>.</summary>
    public bool TryReadResource(ref Utf8JsonReader reader, Func<string, Exception> fail, out PolicyResource? resource)
    {
        resource = null;
        string? urn = null, type = null, id = null, parent = null, provider = null;
        bool custom = false, protect = false;
        string[] dependencies = [];
        var inputs = PropertyValue.EmptyObject;
        var outputs = PropertyValue.EmptyObject;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Text(ref reader);
            if (!reader.Read())
            {
                return false;
            }

            switch (name)
            {
                case "urn":
                    urn = OptionalString(ref reader);
                    break;
                case "type":
                    type = OptionalString(ref reader);
                    break;
                case "id":
                    id = OptionalString(ref reader);
                    break;
                case "parent":
                    parent = OptionalString(ref reader, shareLong: true);
                    break;
                case "provider":
                    provider = OptionalString(ref reader, shareLong: true);
                    break;
                case "custom":
                    custom = reader.TokenType == JsonTokenType.True;
                    break;
                case "protect":
                    protect = reader.TokenType == JsonTokenType.True;
                    break;
                case "dependencies":
                    if (!TryReadStrings(ref reader, out dependencies))
                    {
                        return false;
                    }

                    break;
                case "inputs":
                    if (!TryReadValue(ref reader, out inputs))
                    {
                        return false;
                    }

                    break;
                case "outputs":
                    if (!TryReadValue(ref reader, out outputs))
                    {
                        return false;
                    }

                    break;
                default:
                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    break;
            }
        }

        if (urn is null)
        {
            throw fail("resource without 'urn'");
        }

        if (type is null)
        {
            throw fail($"resource '{urn}' without 'type'");
        }

        resource = new PolicyResource(urn, type, id, parent, provider, custom, protect, dependencies, inputs,
            PropertyTreeReader.OutputsBeyondInputs(inputs, outputs));
        return true;
    }

    private bool TryReadValue(ref Utf8JsonReader reader, out PropertyValue value)
    {
        value = PropertyValue.Null;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return TryReadObject(ref reader, out value);
            case JsonTokenType.StartArray:
                var first = _itemStack.Count;
                while (true)
                {
                    if (!reader.Read())
                    {
                        _itemStack.RemoveRange(first, _itemStack.Count - first);
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        var items = new PropertyValue[_itemStack.Count - first];
                        _itemStack.CopyTo(first, items, 0, items.Length);
                        _itemStack.RemoveRange(first, items.Length);
                        value = PropertyValue.FromItems(items);
                        return true;
                    }

                    if (!TryReadValue(ref reader, out var item))
                    {
                        _itemStack.RemoveRange(first, _itemStack.Count - first);
                        return false;
                    }

                    _itemStack.Add(item);
                }

            case JsonTokenType.String:
                value = reader.ValueTextEquals(UnknownSentinel) ? PropertyValue.Unknown : StringValue(ref reader);
                return true;
            case JsonTokenType.Number:
                value = NumberValue(ref reader);
                return true;
            case JsonTokenType.True:
                value = PropertyValue.True;
                return true;
            case JsonTokenType.False:
                value = PropertyValue.False;
                return true;
            default:
                return true;
        }
    }

    private bool TryReadObject(ref Utf8JsonReader reader, out PropertyValue value)
    {
        var first = _keyStack.Count;
        var complete = TryReadFields(ref reader, out var signature);
        var count = _keyStack.Count - first;
        value = PropertyValue.Null;
        if (complete)
        {
            if (signature != SignatureKind.None)
            {
                value = signature == SignatureKind.Secret ? PropertyValue.Secret : PropertyValue.Unknown;
            }
            else if (count == 0)
            {
                value = PropertyValue.EmptyObject;
            }
            else
            {
                var keys = new string[count];
                var values = new PropertyValue[count];
                _keyStack.CopyTo(first, keys, 0, count);
                _valueStack.CopyTo(first, values, 0, count);
                value = PropertyValue.FromFields(new PropertyMap(keys, values));
            }
        }

        _keyStack.RemoveRange(first, count);
        _valueStack.RemoveRange(first, count);
        return complete;
    }

    private bool TryReadFields(ref Utf8JsonReader reader, out SignatureKind signature)
    {
        signature = SignatureKind.None;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            if (reader.ValueTextEquals(SignatureKey))
            {
                if (!reader.Read())
                {
                    return false;
                }

                signature = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(SecretSignature) ? SignatureKind.Secret : SignatureKind.Other;
                continue;
            }

            if (signature != SignatureKind.None)
            {
                // The rest of a secret (ciphertext, plaintext) or of an asset is skipped unread.
                if (!reader.Read() || !reader.TrySkip())
                {
                    return false;
                }

                continue;
            }

            var key = Text(ref reader);
            if (!reader.Read() || !TryReadValue(ref reader, out var child))
            {
                return false;
            }

            _keyStack.Add(key);
            _valueStack.Add(child);
        }
    }

    /// <summary>A string value; short ones are shared (the same "tcp" or "required" appears in thousands of resources).</summary>
    private PropertyValue StringValue(ref Utf8JsonReader reader)
    {
        var text = Text(ref reader);
        if (text.Length > MaximumInternedLength)
        {
            return PropertyValue.FromString(text);
        }

        if (!_shortValues.TryGetValue(text, out var value))
        {
            value = PropertyValue.FromString(text);
            if (_shortValues.Count < 1 << 18)
            {
                _shortValues[text] = value;
            }
        }

        return value;
    }

    private PropertyValue NumberValue(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt32(out var integer) && integer is >= 0 and < 65536)
        {
            return _smallIntegers[integer] ??= PropertyValue.FromNumber(integer);
        }

        return PropertyValue.FromNumber(reader.GetDouble());
    }

    private bool TryReadStrings(ref Utf8JsonReader reader, out string[] strings)
    {
        strings = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return reader.TrySkip();
        }

        var list = new List<string>();
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                strings = [.. list];
                return true;
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                list.Add(Text(ref reader, shareLong: true));
            }
            else if (!reader.TrySkip())
            {
                return false;
            }
        }
    }

    private string? OptionalString(ref Utf8JsonReader reader, bool shareLong = false) =>
        reader.TokenType == JsonTokenType.String ? Text(ref reader, shareLong) : null;

    /// <summary>
    /// The text of a property name or string; short unescaped ones come from the cache, and so do long ones that
    /// repeat by nature (<paramref name="shareLong"/>: the parent, provider and dependency URNs of thousands of children).
    /// </summary>
    private string Text(ref Utf8JsonReader reader, bool shareLong = false)
    {
        var bytes = reader.ValueSpan;
        if (reader.ValueIsEscaped || (bytes.Length > MaximumInternedLength && !shareLong))
        {
            return reader.GetString()!;
        }

        return _strings.Get(bytes);
    }

    private enum SignatureKind
    {
        None,
        Secret,
        Other,
    }
}
