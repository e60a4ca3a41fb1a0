using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Infra.Policies.Model;
using Infra.Policies.Reading;
using Grpc.Core;
using Infra.PolicyPack.Protocol;

namespace Infra.PolicyPack.Analysis;

/// <summary>
/// The engine's <c>google.protobuf.Struct</c> properties (marshalled with unknowns and secrets kept) to the same
/// <see cref="PolicyResource"/> model that the state and preview readers produce: the special values go through
/// <see cref="PulumiSpecialValues"/>, the library's own decisions. A request the model cannot hold is InvalidArgument.
/// A secret is read as its plaintext when <paramref name="secrets"/> is given (the rules judge what a value is, as
/// Pulumi's policy runtimes hand policies the plaintext), and its texts are collected there so that no message prints
/// them; without it, a secret is the model's opaque <see cref="PropertyValue.Secret"/> (for the rules that judge
/// whether a value is secret). Properties are read <see cref="MaximumDepth"/> levels deep; deeper is InvalidArgument.
/// </summary>
internal static class PropertyStructReader
{
    /// <summary>
    /// The deepest properties read, in levels as a program writes them: the properties object is level 1, an object or
    /// list in it level 2, so <c>{"a":{"a":...}}</c> with 100 objects is 100 levels. A secret around a value is no level
    /// of its own. Google.Protobuf's parser is given room for this depth in any shape (<see cref="AnalyzerBinding.RecursionLimit"/>).
    /// </summary>
    public const int MaximumDepth = 100;

    /// <summary>A path in a refusal is cut here: the one of a value too deep is at least <see cref="MaximumDepth"/> keys long.</summary>
    private const int MaximumPathLength = 160;

    /// <summary>The resource of an <c>Analyze</c> call: its inputs, and its provider when the engine sent one.</summary>
    public static PolicyResource Resource(AnalyzeRequest request, SecretValues? secrets)
    {
        var urn = Required(request.Urn, "urn", "request");
        var type = Required(request.Type, "type", urn);
        return new PolicyResource(urn, type, null, null, ProviderReference(request.Provider), IsCustom(type, request.Provider),
            request.Options?.Protect ?? false, [], Properties(request.Properties, urn, secrets), PropertyValue.EmptyObject);
    }

    /// <summary>A resource of an <c>AnalyzeStack</c> call, with its parent and dependencies; <paramref name="index"/> names it in errors.</summary>
    public static PolicyResource Resource(AnalyzerResource resource, int index, SecretValues? secrets)
    {
        var urn = Required(resource.Urn, "urn", $"resources[{index}]");
        var type = Required(resource.Type, "type", $"resources[{index}] ({urn})");
        return new PolicyResource(urn, type, null, NullIfEmpty(resource.Parent), ProviderReference(resource.Provider),
            IsCustom(type, resource.Provider), resource.Options?.Protect ?? false, [.. resource.Dependencies],
            Properties(resource.Properties, urn, secrets), PropertyValue.EmptyObject);
    }

    /// <summary>The provider resource as the engine describes it, so rules can read e.g. its region.</summary>
    public static PolicyResource? Provider(AnalyzerProviderResource? provider, SecretValues? secrets) =>
        provider is { Urn.Length: > 0, Type.Length: > 0 }
            ? new PolicyResource(provider.Urn, provider.Type, null, null, null, true, false, [], Properties(provider.Properties, provider.Urn, secrets), PropertyValue.EmptyObject)
            : null;

    public static PropertyValue Properties(Struct? properties, string owner, SecretValues? secrets)
    {
        if (properties is null)
        {
            return PropertyValue.EmptyObject;
        }

        try
        {
            return Fields(properties.Fields, secrets, 1);
        }
        catch (InvalidValueException e) when (e.TooDeep)
        {
            var path = e.Path.Length <= MaximumPathLength ? e.Path : e.Path[..MaximumPathLength] + "…";
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"{owner}: properties are nested deeper than {MaximumDepth} levels, at '{path}'"));
        }
        catch (InvalidValueException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"{owner}: property '{e.Path}' has no value kind; expected null, number, string, bool, struct or list"));
        }
    }

    /// <summary>An object at level <paramref name="depth"/>, or a secret in place of a value of the level above.</summary>
    private static PropertyValue Fields(MapField<string, Value> fields, SecretValues? secrets, int depth)
    {
        // A special value (a secret, an asset...) is a value, no level of its own.
        if (depth > MaximumDepth && !fields.ContainsKey(PulumiSpecialValues.SignatureKey))
        {
            throw new InvalidValueException("", tooDeep: true);
        }

        if (fields.Count == 0)
        {
            return PropertyValue.EmptyObject;
        }

        if (fields.TryGetValue(PulumiSpecialValues.SignatureKey, out var signature))
        {
            var special = PulumiSpecialValues.FromSignature(signature.KindCase == Value.KindOneofCase.StringValue ? signature.StringValue : null);
            if (!special.IsSecret || secrets is null || !fields.TryGetValue(SecretValueKey, out var plaintext))
            {
                return special;
            }

            // The engine's secret with KeepSecrets: { signature, "value": plaintext }. Everything under it is secret.
            var value = Read(plaintext, secrets, depth - 1);
            secrets.Add(value);
            return value;
        }

        var map = new Dictionary<string, PropertyValue>(fields.Count, StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            try
            {
                map[key] = Read(value, secrets, depth);
            }
            catch (InvalidValueException e)
            {
                throw e.Under(key);
            }
        }

        return PropertyValue.FromFields(map);
    }

    /// <summary>A value held by an object or list at level <paramref name="depth"/>.</summary>
    private static PropertyValue Read(Value value, SecretValues? secrets, int depth)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.NullValue:
                return PropertyValue.Null;
            case Value.KindOneofCase.BoolValue:
                return PropertyValue.FromBoolean(value.BoolValue);
            case Value.KindOneofCase.NumberValue:
                return PropertyValue.FromNumber(value.NumberValue);
            case Value.KindOneofCase.StringValue:
                return PulumiSpecialValues.FromText(value.StringValue);
            case Value.KindOneofCase.StructValue:
                return Fields(value.StructValue.Fields, secrets, depth + 1);
            case Value.KindOneofCase.ListValue:
                if (depth + 1 > MaximumDepth)
                {
                    throw new InvalidValueException("", tooDeep: true);
                }

                var values = value.ListValue.Values;
                var items = new PropertyValue[values.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    try
                    {
                        items[i] = Read(values[i], secrets, depth + 1);
                    }
                    catch (InvalidValueException e)
                    {
                        throw e.At(i);
                    }
                }

                return PropertyValue.FromItems(items);
            default:
                throw new InvalidValueException("");
        }
    }

    /// <summary>The field of a secret object that holds its plaintext (pulumi/pulumi sdk/go/common/resource/plugin/rpc.go).</summary>
    private const string SecretValueKey = "value";

    private static string Required(string value, string field, string owner) => value.Length > 0
        ? value
        : throw new RpcException(new Status(StatusCode.InvalidArgument, $"{owner}: '{field}' is required"));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>The library's provider reference is <c>urn::id</c>; the analyzer protocol sends no id, and only the URN part is read.</summary>
    private static string? ProviderReference(AnalyzerProviderResource? provider) =>
        provider is { Urn.Length: > 0 } ? provider.Urn + "::" : null;

    /// <summary>Components have no provider; providers themselves are custom resources.</summary>
    private static bool IsCustom(string type, AnalyzerProviderResource? provider) =>
        provider is { Urn.Length: > 0 } || type.StartsWith("pulumi:providers:", StringComparison.Ordinal);

    /// <summary>
    /// A value without a kind, or an object or list deeper than <see cref="MaximumDepth"/>, found while reading; the
    /// path is built on the way out, only when one is thrown.
    /// </summary>
    private sealed class InvalidValueException(string path, bool tooDeep = false) : Exception(path)
    {
        public string Path { get; } = path;

        public bool TooDeep { get; } = tooDeep;

        public InvalidValueException Under(string key) => new(Path.Length == 0 || Path[0] == '[' ? key + Path : key + "." + Path, TooDeep);

        public InvalidValueException At(int index) => new($"[{index}]{(Path.Length == 0 || Path[0] == '[' ? "" : ".")}{Path}", TooDeep);
    }
}
