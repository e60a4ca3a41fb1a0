using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// Builds a <see cref="PolicyResource"/> straight from a <see cref="Utf8JsonReader"/>, without an intermediate
/// JSON document. Property names and short strings are shared through a cache (a state repeats the same few
/// hundred names millions of times), and so are the key arrays of objects of the same shape. Every method returns
/// false when the reader runs out of data, so that the caller can refill its buffer and start the resource again.
/// A secret's content is skipped, never kept. A key repeated in one object is an error: Pulumi writes each key once,
/// and readers disagree on which of two values holds (the engine's Go decoder keeps the last, a lookup here the first),
/// so a rule or the Kafka plan could judge another value than the one Pulumi manages.
/// </summary>
internal sealed class ResourceTreeBuilder
{
    private const int MaximumInternedLength = 64;

    private static readonly byte[] SignatureKey = Encoding.UTF8.GetBytes(PropertyTreeReader.SignatureKey);
    private static readonly byte[] SecretSignature = Encoding.UTF8.GetBytes(PropertyTreeReader.SecretSignature);
    private static readonly byte[] UnknownSentinel = Encoding.UTF8.GetBytes(PropertyTreeReader.UnknownSentinel);
    private static readonly byte[] CiphertextKey = Encoding.UTF8.GetBytes(PropertyTreeReader.CiphertextKey);
    private static readonly byte[] PlaintextKey = Encoding.UTF8.GetBytes(PropertyTreeReader.PlaintextKey);

    private readonly Utf8StringCache _strings = new();
    private readonly Utf8ValueCache _values = new();
    private readonly KeySetCache _keySets = new();
    private readonly PropertyValue?[] _smallIntegers = new PropertyValue?[65536];
    private readonly List<string> _keyStack = [];
    private readonly List<PropertyValue> _valueStack = [];
    private readonly List<PropertyValue> _itemStack = [];

    /// <summary>Makes the error for a problem at a token, given by its start index in the reader's data.</summary>
    private readonly Func<string, long, Exception> _fail;

    public ResourceTreeBuilder(Func<string, long, Exception> fail)
    {
        _fail = fail;
    }

    private enum ResourceRead
    {
        Complete,
        NeedMoreData,
        /// <summary>Another 'inputs' followed outputs already read without the fields of the first: read again without skipping.</summary>
        ReadAgainUnfiltered,
    }

    /// <summary>
    /// Reads one resource object; the reader stands on its <c>{</c>. <paramref name="pendingDeletion"/> is its
    /// <c>"delete": true</c> (see <see cref="StackExportEntry.PendingDeletion"/>).
    /// </summary>
    public bool TryReadResource(ref Utf8JsonReader reader, out PolicyResource? resource, out bool pendingDeletion)
    {
        var start = reader;
        var result = TryReadResource(ref reader, skipEchoedOutputs: true, out resource, out pendingDeletion);
        if (result == ResourceRead.ReadAgainUnfiltered)
        {
            reader = start;
            result = TryReadResource(ref reader, skipEchoedOutputs: false, out resource, out pendingDeletion);
        }

        return result == ResourceRead.Complete;
    }

    /// <summary>
    /// With <paramref name="skipEchoedOutputs"/>, the outputs that repeat an input already read are skipped unbuilt
    /// (bridged providers echo every input; <see cref="PropertyTreeReader.OutputsBeyondInputs"/> would drop them anyway),
    /// which halves the work of a large state.
    /// </summary>
    private ResourceRead TryReadResource(ref Utf8JsonReader reader, bool skipEchoedOutputs, out PolicyResource? resource, out bool pendingDeletion)
    {
        resource = null;
        pendingDeletion = false;
        var resourceStart = reader.TokenStartIndex;
        string? urn = null, type = null, id = null, parent = null, provider = null;
        bool custom = false, protect = false;
        string[] dependencies = [];
        var inputs = PropertyValue.EmptyObject;
        var outputs = PropertyValue.EmptyObject;
        var outputsFiltered = false;
        while (true)
        {
            if (!reader.Read())
            {
                return ResourceRead.NeedMoreData;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Text(ref reader);
            if (!reader.Read())
            {
                return ResourceRead.NeedMoreData;
            }

            switch (name)
            {
                case "urn":
                    urn = OptionalUniqueString(ref reader);
                    break;
                case "type":
                    type = OptionalString(ref reader, shareLong: true);
                    break;
                case "id":
                    id = OptionalUniqueString(ref reader);
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
                case "delete":
                    pendingDeletion = reader.TokenType == JsonTokenType.True;
                    break;
                case "dependencies":
                    if (!TryReadStrings(ref reader, out dependencies))
                    {
                        return ResourceRead.NeedMoreData;
                    }

                    break;
                case "inputs":
                    if (outputsFiltered)
                    {
                        return ResourceRead.ReadAgainUnfiltered;
                    }

                    if (!TryReadValue(ref reader, out inputs))
                    {
                        return ResourceRead.NeedMoreData;
                    }

                    break;
                case "outputs":
                    var echoed = skipEchoedOutputs && inputs.Kind == PropertyKind.Map && inputs.Fields.Count > 0 ? inputs.Fields : null;
                    if (!(reader.TokenType == JsonTokenType.StartObject ? TryReadObject(ref reader, echoed, out outputs) : TryReadValue(ref reader, out outputs)))
                    {
                        return ResourceRead.NeedMoreData;
                    }

                    outputsFiltered = echoed is not null;
                    break;
                default:
                    if (!reader.TrySkip())
                    {
                        return ResourceRead.NeedMoreData;
                    }

                    break;
            }
        }

        if (urn is null)
        {
            throw _fail("resource without 'urn'", resourceStart);
        }

        if (type is null)
        {
            throw _fail($"resource '{urn}' without 'type'", resourceStart);
        }

        resource = new PolicyResource(urn, type, id, parent, provider, custom, protect, dependencies, inputs,
            outputsFiltered ? outputs : PropertyTreeReader.OutputsBeyondInputs(inputs, outputs));
        return ResourceRead.Complete;
    }

    private bool TryReadValue(ref Utf8JsonReader reader, out PropertyValue value)
    {
        value = PropertyValue.Null;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return TryReadObject(ref reader, echoed: null, out value);
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

    /// <summary>Reads an object; fields whose key is in <paramref name="echoed"/> are skipped unbuilt.</summary>
    private bool TryReadObject(ref Utf8JsonReader reader, IReadOnlyDictionary<string, PropertyValue>? echoed, out PropertyValue value)
    {
        var first = _keyStack.Count;
        var complete = TryReadFields(ref reader, echoed, first, out var signature);
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
                var values = new PropertyValue[count];
                _valueStack.CopyTo(first, values, 0, count);
                value = PropertyValue.FromFields(new PropertyMap(_keySets.Get(_keyStack, first, count), values));
            }
        }

        _keyStack.RemoveRange(first, count);
        _valueStack.RemoveRange(first, count);
        return complete;
    }

    /// <summary>Whether the fields read before the secret signature (from <paramref name="first"/>) hold the secret's value as a string.</summary>
    private bool HasSecretValue(int first)
    {
        for (var i = first; i < _keyStack.Count; i++)
        {
            if (_keyStack[i] is PropertyTreeReader.CiphertextKey or PropertyTreeReader.PlaintextKey && _valueStack[i].Kind == PropertyKind.Text)
            {
                return true;
            }
        }

        return false;
    }

    private bool TryReadFields(ref Utf8JsonReader reader, IReadOnlyDictionary<string, PropertyValue>? echoed, int first, out SignatureKind signature)
    {
        signature = SignatureKind.None;
        var secretValue = false;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                if (signature == SignatureKind.Secret && !secretValue && !HasSecretValue(first))
                {
                    throw _fail("a secret (an object with the secret signature) without its 'ciphertext' or 'plaintext' string; Pulumi writes one, so the file was edited or damaged", reader.TokenStartIndex);
                }

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
                var valueField = reader.ValueTextEquals(CiphertextKey) || reader.ValueTextEquals(PlaintextKey);
                if (!reader.Read())
                {
                    return false;
                }

                secretValue |= valueField && reader.TokenType == JsonTokenType.String;
                if (!reader.TrySkip())
                {
                    return false;
                }

                continue;
            }

            var key = Text(ref reader);
            if (CollectionsMarshal.AsSpan(_keyStack)[first..].Contains(key))
            {
                throw _fail($"the key \"{key}\" appears twice in one object; Pulumi writes each key once, so the file was edited or damaged", reader.TokenStartIndex);
            }

            if (echoed is not null && echoed.ContainsKey(key))
            {
                if (!reader.Read() || !reader.TrySkip())
                {
                    return false;
                }

                continue;
            }

            if (!reader.Read() || !TryReadValue(ref reader, out var child))
            {
                return false;
            }

            _keyStack.Add(key);
            _valueStack.Add(child);
        }
    }

    /// <summary>A string value; short ones that repeat are shared (the same "tcp" or "required" appears in thousands of resources).</summary>
    private PropertyValue StringValue(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > MaximumInternedLength)
        {
            return PropertyValue.FromString(reader.GetString()!);
        }

        return _values.Get(reader.ValueSpan);
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

        // Collected on the key stack (unused at the resource level): only the final array is allocated.
        var first = _keyStack.Count;
        while (true)
        {
            if (!reader.Read())
            {
                _keyStack.RemoveRange(first, _keyStack.Count - first);
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                strings = new string[_keyStack.Count - first];
                _keyStack.CopyTo(first, strings, 0, strings.Length);
                _keyStack.RemoveRange(first, strings.Length);
                return true;
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                _keyStack.Add(Text(ref reader, shareLong: true));
            }
            else if (!reader.TrySkip())
            {
                _keyStack.RemoveRange(first, _keyStack.Count - first);
                return false;
            }
        }
    }

    private string? OptionalString(ref Utf8JsonReader reader, bool shareLong = false) =>
        reader.TokenType == JsonTokenType.String ? Text(ref reader, shareLong) : null;

    /// <summary>A text that is one resource's own (its URN, its id): not worth a place in a cache.</summary>
    private static string? OptionalUniqueString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString() : null;

    /// <summary>
    /// The text of a property name or string; short unescaped ones come from the cache, and so do long ones that
    /// repeat by nature (<paramref name="shareLong"/>: type tokens, and the parent, provider and dependency URNs of thousands of children).
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
