using System.Globalization;

namespace Infra.Policies.Model;

/// <summary>
/// One immutable node of a resource's property tree, with the provider schema's camelCase names.
/// A secret keeps no content at all: a rule can see that a value is secret, never what it is, so no
/// report can print it. Lookups never throw: a missing key or index gives <see cref="Null"/>, and a field or item of an
/// unknown value is <see cref="Unknown"/> (a preview that cannot know an object cannot know its parts either).
/// </summary>
public sealed class PropertyValue
{
    private static readonly IReadOnlyList<PropertyValue> NoItems = [];

    // One reference and one number per node: a string, an item list or a field map in _payload; a number or a boolean (1/0) in _number.
    private readonly object? _payload;
    private readonly double _number;

    private PropertyValue(PropertyKind kind, double number = 0, object? payload = null)
    {
        Kind = kind;
        _number = number;
        _payload = payload;
    }

    public static PropertyValue Null { get; } = new(PropertyKind.Null);

    public static PropertyValue Secret { get; } = new(PropertyKind.Secret);

    public static PropertyValue Unknown { get; } = new(PropertyKind.Unknown);

    public static PropertyValue True { get; } = new(PropertyKind.Boolean, 1);

    public static PropertyValue False { get; } = new(PropertyKind.Boolean, 0);

    public static PropertyValue EmptyObject { get; } = new(PropertyKind.Map, payload: PropertyMap.Empty);

    public PropertyKind Kind { get; }

    public bool IsSecret => Kind == PropertyKind.Secret;

    public bool IsUnknown => Kind == PropertyKind.Unknown;

    /// <summary>Whether the value is there: not null and not missing.</summary>
    public bool IsPresent => Kind != PropertyKind.Null;

    public static PropertyValue FromBoolean(bool value) => value ? True : False;

    public static PropertyValue FromNumber(double value) => new(PropertyKind.Number, value);

    public static PropertyValue FromString(string value) => new(PropertyKind.Text, payload: value);

    public static PropertyValue FromItems(IReadOnlyList<PropertyValue> items) => new(PropertyKind.List, payload: items);

    public static PropertyValue FromFields(IReadOnlyDictionary<string, PropertyValue> fields) => new(PropertyKind.Map, payload: fields);

    // Lookups test the kind first, then the readers' own types (PropertyMap, PropertyValue[]): rules ask every resource for
    // fields it does not have, and an interface cast of a string or an array is the slow path of a type test.

    /// <summary>The items of an array; empty for anything else.</summary>
    public IReadOnlyList<PropertyValue> Items => Kind != PropertyKind.List ? NoItems
        : _payload as PropertyValue[] ?? _payload as IReadOnlyList<PropertyValue> ?? NoItems;

    /// <summary>The fields of an object; empty for anything else.</summary>
    public IReadOnlyDictionary<string, PropertyValue> Fields => Kind != PropertyKind.Map ? PropertyMap.Empty
        : _payload as PropertyMap ?? _payload as IReadOnlyDictionary<string, PropertyValue> ?? PropertyMap.Empty;

    public PropertyValue this[string key] => Kind != PropertyKind.Map ? (IsUnknown ? this : Null)
        : _payload is PropertyMap map ? (map.TryGetValue(key, out var found) ? found : Null)
        : _payload is IReadOnlyDictionary<string, PropertyValue> fields && fields.TryGetValue(key, out var value) ? value : Null;

    public PropertyValue this[int index] => Kind != PropertyKind.List ? (IsUnknown ? this : Null)
        : _payload is PropertyValue[] array ? ((uint)index < (uint)array.Length ? array[index] : Null)
        : _payload is IReadOnlyList<PropertyValue> items && index >= 0 && index < items.Count ? items[index] : Null;

    /// <summary>Follows a dotted path such as <c>metadataOptions.httpTokens</c>.</summary>
    public PropertyValue At(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = this;
        var rest = path.AsSpan();
        while (true)
        {
            var dot = rest.IndexOf('.');
            var key = dot < 0 ? rest : rest[..dot];
            current = current.Field(key);
            if (dot < 0 || !current.IsPresent)
            {
                return current;
            }

            rest = rest[(dot + 1)..];
        }
    }

    private PropertyValue Field(ReadOnlySpan<char> key)
    {
        if (Kind != PropertyKind.Map)
        {
            return IsUnknown ? this : Null;
        }

        if (_payload is PropertyMap map)
        {
            return map.Find(key) ?? Null;
        }

        return _payload is IReadOnlyDictionary<string, PropertyValue> fields && fields.TryGetValue(key.ToString(), out var value) ? value : Null;
    }

    /// <summary>The text of a string value; null for anything else (a secret included).</summary>
    public string? AsString() => Kind == PropertyKind.Text ? (string)_payload! : null;

    /// <summary>
    /// A boolean, also from the strings "true"/"false" that bridged Terraform schemas use
    /// (e.g. a launch template's <c>ebs.encrypted</c>).
    /// </summary>
    public bool? AsBoolean() => Kind switch
    {
        PropertyKind.Boolean => _number != 0,
        PropertyKind.Text when bool.TryParse((string)_payload!, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A number, also from a numeric string (Kafka topic configs are strings).</summary>
    public double? AsNumber() => Kind switch
    {
        PropertyKind.Number => _number,
        PropertyKind.Text when double.TryParse((string)_payload!, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>The strings of an array, or the single string of a string value.</summary>
    public IEnumerable<string> AsStrings() => Kind == PropertyKind.Text
        ? [(string)_payload!]
        : Items.Select(i => i.AsString()).OfType<string>();

    /// <summary>A short form for messages; a secret shows as <c>[secret]</c>, never its content.</summary>
    public override string ToString() => Kind switch
    {
        PropertyKind.Null => "null",
        PropertyKind.Boolean => _number != 0 ? "true" : "false",
        PropertyKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        PropertyKind.Text => (string)_payload!,
        PropertyKind.List => $"[{Items.Count} items]",
        PropertyKind.Map => $"{{{Fields.Count} fields}}",
        PropertyKind.Secret => "[secret]",
        _ => "[unknown]",
    };
}
