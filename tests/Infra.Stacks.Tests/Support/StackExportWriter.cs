using System.Collections;
using System.Text.Json;

namespace Infra.Stacks.Tests.Support;

/// <summary>
/// Writes what the program registered on the mocks as a <c>pulumi stack export</c> (deployment
/// version 3), so that the nightly compliance command reads it exactly as it reads the live state.
/// A secret input is written as Pulumi writes one, with a masked ciphertext: its value never leaves.
/// The secrets provider, when given, is the stack file's <c>secretsprovider</c>, as Pulumi records it in the state.
/// </summary>
public static class StackExportWriter
{
    private const string SecretSignatureKey = "4dabf18193072939515e22adb298388d";
    private const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";

    public static void Write(MockedDeployment deployment, string stackUrn, Stream stream, string? secretsProviderUrl = null)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("version", 3);
        json.WriteStartObject("deployment");
        json.WriteStartObject("manifest");
        json.WriteString("time", RecordedPlatformEnvironment.Now);
        json.WriteEndObject();
        if (secretsProviderUrl is not null)
        {
            json.WriteStartObject("secrets_providers");
            json.WriteString("type", "cloud");
            json.WriteStartObject("state");
            json.WriteString("url", secretsProviderUrl);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartArray("resources");
        json.WriteStartObject();
        json.WriteString("urn", stackUrn);
        json.WriteBoolean("custom", false);
        json.WriteString("type", "pulumi:pulumi:Stack");
        json.WriteEndObject();
        foreach (var resource in deployment.Resources)
        {
            WriteResource(json, resource);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter json, DeployedResource resource)
    {
        json.WriteStartObject();
        json.WriteString("urn", resource.Urn);
        json.WriteBoolean("custom", resource.Custom);
        if (resource.Id is { } id)
        {
            json.WriteString("id", id);
        }
        json.WriteString("type", resource.Type);
        json.WriteStartObject("inputs");
        foreach (var (key, value) in resource.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            json.WritePropertyName(key);
            if (resource.SecretInputs.Contains(key))
            {
                WriteSecret(json);
            }
            else
            {
                WriteValue(json, value);
            }
        }
        json.WriteEndObject();
        json.WriteStartObject("outputs");
        json.WriteEndObject();
        json.WriteString("parent", resource.ParentUrn);
        if (resource.Provider is { } provider)
        {
            json.WriteString("provider", provider);
        }
        if (resource.Protect)
        {
            json.WriteBoolean("protect", true);
        }
        json.WriteStartArray("dependencies");
        foreach (var dependency in resource.Dependencies)
        {
            json.WriteStringValue(dependency);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSecret(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString(SecretSignatureKey, SecretSignature);
        json.WriteString("ciphertext", "masked");
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case IDictionary map:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    json.WritePropertyName((string)entry.Key);
                    WriteValue(json, entry.Value);
                }
                json.WriteEndObject();
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(json, item);
                }
                json.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"The mocks recorded an input of type {value.GetType()}, which the export writer does not know.");
        }
    }
}
