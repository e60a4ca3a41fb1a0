using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Blueprints.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Blueprints.Tests.Support;

/// <summary>
/// The <c>infra:</c> keys of a repository stack file as the Pulumi CLI hands them to a program:
/// scalars as their text, objects and lists as JSON text, and secure values decrypted, with their
/// keys listed as secret. Here a placeholder stands for each decrypted secret. The Pulumi-bound
/// tests hand it to the SDK; the loader tests read it directly.
/// </summary>
public sealed partial record PulumiStackConfig(
    ImmutableSortedDictionary<string, string> Values,
    ImmutableSortedSet<string> SecretKeys) : IStackConfigValues
{
    private const string Prefix = "infra:";
    public const string SecretPlaceholder = "placeholder-for-a-decrypted-secret";

    public static PulumiStackConfig FromStackFile(string repositoryRoot, string stackName)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(repositoryRoot, $"Pulumi.{stackName}.yaml")))
        {
            yaml.Load(reader);
        }
        var file = (YamlMappingNode)yaml.Documents[0].RootNode;
        var config = (YamlMappingNode)file.Children[new YamlScalarNode("config")];

        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var secretKeys = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            if (!key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var (value, isSecret) = ConfigValue(valueNode);
            values[key] = value;
            if (isSecret)
            {
                secretKeys.Add(key);
            }
        }
        return new PulumiStackConfig(values.ToImmutable(), secretKeys.ToImmutable());
    }

    public PulumiStackConfig WithValue(string key, string value) => this with { Values = Values.SetItem(key, value) };

    public string? GetValue(string key) => Values.GetValueOrDefault(Prefix + key);

    public bool HasSecret(string key) => SecretKeys.Contains(Prefix + key);

    private static (string Value, bool IsSecret) ConfigValue(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping when IsSecure(mapping):
                return (SecretPlaceholder, true);
            case YamlScalarNode scalar:
                // The CLI reads a top-level value as text first, so a scalar passes as written.
                return (scalar.Value ?? "", false);
            default:
                var buffer = new ArrayBufferWriter<byte>();
                bool holdsSecret;
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    holdsSecret = WriteJson(writer, node);
                }
                return (Encoding.UTF8.GetString(buffer.WrittenSpan), holdsSecret);
        }
    }

    /// <summary>Writes a structured value as the CLI's JSON encoding does: object keys sorted, scalars typed.</summary>
    /// <returns>Whether the value holds a secure value, which makes the whole key secret.</returns>
    private static bool WriteJson(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping when IsSecure(mapping):
                writer.WriteStringValue(SecretPlaceholder);
                return true;
            case YamlMappingNode mapping:
            {
                var holdsSecret = false;
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children.OrderBy(e => ((YamlScalarNode)e.Key).Value, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value!);
                    holdsSecret |= WriteJson(writer, value);
                }
                writer.WriteEndObject();
                return holdsSecret;
            }
            case YamlSequenceNode sequence:
            {
                var holdsSecret = false;
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    holdsSecret |= WriteJson(writer, item);
                }
                writer.WriteEndArray();
                return holdsSecret;
            }
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                return false;
            default:
                throw new InvalidOperationException($"Unexpected YAML node {node.NodeType} at {node.Start}");
        }
    }

    /// <summary>
    /// Types a plain scalar the way the CLI's YAML decoder does for the kinds our stack files use:
    /// null, true and false, whole and decimal numbers; anything else, and any quoted scalar, is text.
    /// </summary>
    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            writer.WriteStringValue(text);
        }
        else if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            writer.WriteNullValue();
        }
        else if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            writer.WriteBooleanValue(text[0] is 't' or 'T');
        }
        else if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            writer.WriteNumberValue(whole);
        }
        else if (DecimalNumber().IsMatch(text))
        {
            writer.WriteNumberValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    private static bool IsSecure(YamlMappingNode mapping) =>
        mapping.Children.Count == 1 && mapping.Children.Keys.Single() is YamlScalarNode { Value: "secure" };

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex DecimalNumber();
}
