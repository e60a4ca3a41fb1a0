using System.Text.Json;
using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// Turns Pulumi's serialized property values into <see cref="PropertyValue"/> trees. A secret (an object whose
/// key <c>4dabf18193072939515e22adb298388d</c> holds <c>1b47061264138c4ac30d75fd1eb44270</c>) becomes an
/// opaque <see cref="PropertyValue.Secret"/>: its ciphertext or plaintext is never copied.
/// </summary>
internal static class PropertyTreeReader
{
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";

    /// <summary>The keys of a secret's value: encrypted in an export, in clear with <c>--show-secrets</c>.</summary>
    public const string CiphertextKey = "ciphertext";

    /// <inheritdoc cref="CiphertextKey"/>
    public const string PlaintextKey = "plaintext";

    /// <summary>The engine's marker of a value a preview cannot know yet.</summary>
    public const string UnknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /// <summary>How <c>pulumi preview --json</c> prints a secret.</summary>
    public const string PreviewSecretMask = "[secret]";

    /// <summary>A value; <paramref name="fail"/>, when given, makes a secret without its value an error (a resource's values), where null reads it as a secret all the same.</summary>
    public static PropertyValue Read(JsonElement element, bool previewMasks, Func<string, Exception>? fail = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty(SignatureKey, out var signature))
                {
                    if (signature.ValueKind != JsonValueKind.String || !signature.ValueEquals(SecretSignature))
                    {
                        return PropertyValue.Unknown; // assets, archives and resource references: not read by rules
                    }

                    return fail is null || HasSecretValue(element)
                        ? PropertyValue.Secret
                        : throw fail("a secret (an object with the secret signature) without its 'ciphertext' or 'plaintext' string; Pulumi writes one, so the file was edited or damaged");
                }

                var fields = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    fields[property.Name] = Read(property.Value, previewMasks, fail);
                }

                return fields.Count == 0 ? PropertyValue.EmptyObject : PropertyValue.FromFields(fields);
            case JsonValueKind.Array:
                var items = new PropertyValue[element.GetArrayLength()];
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items[index++] = Read(item, previewMasks, fail);
                }

                return PropertyValue.FromItems(items);
            case JsonValueKind.String:
                if (element.ValueEquals(UnknownSentinel))
                {
                    return PropertyValue.Unknown;
                }

                if (previewMasks && element.ValueEquals(PreviewSecretMask))
                {
                    return PropertyValue.Secret;
                }

                return PropertyValue.FromString(element.GetString()!);
            case JsonValueKind.Number:
                return PropertyValue.FromNumber(element.GetDouble());
            case JsonValueKind.True:
                return PropertyValue.True;
            case JsonValueKind.False:
                return PropertyValue.False;
            default:
                return PropertyValue.Null;
        }
    }

    /// <summary>Reads one serialized resource (<c>apitype.ResourceV3</c>: urn, type, custom, id, inputs, outputs, parent, provider, protect, dependencies).</summary>
    public static PolicyResource ReadResource(JsonElement element, bool previewMasks, Func<string, Exception> fail)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw fail($"expected a resource object, found {element.ValueKind}");
        }

        var urn = OptionalString(element, "urn") ?? throw fail("resource without 'urn'");
        var type = OptionalString(element, "type") ?? throw fail($"resource '{urn}' without 'type'");
        var dependencies = element.TryGetProperty("dependencies", out var deps) && deps.ValueKind == JsonValueKind.Array
            ? deps.EnumerateArray().Select(d => d.GetString()).OfType<string>().ToArray()
            : [];
        var inputs = element.TryGetProperty("inputs", out var inputsElement) ? Read(inputsElement, previewMasks, fail) : PropertyValue.EmptyObject;
        var outputs = element.TryGetProperty("outputs", out var outputsElement) ? Read(outputsElement, previewMasks, fail) : PropertyValue.EmptyObject;
        return new PolicyResource(
            urn,
            type,
            OptionalString(element, "id"),
            OptionalString(element, "parent"),
            OptionalString(element, "provider"),
            element.TryGetProperty("custom", out var custom) && custom.ValueKind == JsonValueKind.True,
            element.TryGetProperty("protect", out var protect) && protect.ValueKind == JsonValueKind.True,
            dependencies,
            inputs,
            OutputsBeyondInputs(inputs, outputs));
    }

    /// <summary>
    /// The outputs that are not also inputs. Bridged providers echo every input among the outputs; keeping the copy
    /// would double the memory of a large state, and <see cref="PolicyResource.Property"/> prefers the input anyway.
    /// </summary>
    public static PropertyValue OutputsBeyondInputs(PropertyValue inputs, PropertyValue outputs)
    {
        if (outputs.Kind != PropertyKind.Map || inputs.Kind != PropertyKind.Map || inputs.Fields.Count == 0)
        {
            return outputs;
        }

        var kept = outputs.Fields.Where(f => !inputs.Fields.ContainsKey(f.Key)).ToList();
        return kept.Count == outputs.Fields.Count ? outputs
            : kept.Count == 0 ? PropertyValue.EmptyObject
            : PropertyValue.FromFields(new PropertyMap([.. kept.Select(f => f.Key)], [.. kept.Select(f => f.Value)]));
    }

    private static bool HasSecretValue(JsonElement secret) =>
        (secret.TryGetProperty(CiphertextKey, out var value) || secret.TryGetProperty(PlaintextKey, out value)) && value.ValueKind == JsonValueKind.String;

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
