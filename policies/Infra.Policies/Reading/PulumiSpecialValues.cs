using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// Pulumi's special property values for readers of other wire forms than JSON (the policy pack's
/// <c>google.protobuf.Struct</c>): the same decisions as the state and preview readers, so a resource read from any
/// source is the same <see cref="PropertyValue"/> tree. A secret becomes opaque; the engine's unknown sentinel, and
/// assets, archives and resource references (objects with the signature key), become <see cref="PropertyValue.Unknown"/>.
/// </summary>
public static class PulumiSpecialValues
{
    /// <summary>The key that marks an object as a special value rather than a map.</summary>
    public const string SignatureKey = PropertyTreeReader.SignatureKey;

    /// <summary>The value a string stands for: unknown when it is the engine's sentinel, else the text.</summary>
    public static PropertyValue FromText(string text) =>
        string.Equals(text, PropertyTreeReader.UnknownSentinel, StringComparison.Ordinal) ? PropertyValue.Unknown : PropertyValue.FromString(text);

    /// <summary>The value of an object that carries <see cref="SignatureKey"/>; <paramref name="signature"/> is null when it is not a string.</summary>
    public static PropertyValue FromSignature(string? signature) =>
        string.Equals(signature, PropertyTreeReader.SecretSignature, StringComparison.Ordinal) ? PropertyValue.Secret : PropertyValue.Unknown;
}
