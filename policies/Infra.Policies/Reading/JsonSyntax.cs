using System.Text.Json;

namespace Infra.Policies.Reading;

/// <summary>Tells a truncated JSON file (a valid beginning that stops early) from a malformed one.</summary>
internal static class JsonSyntax
{
    /// <summary>Whether <paramref name="data"/> read from <paramref name="state"/> is well-formed so far and only lacks its end.</summary>
    public static bool IsValidPrefix(ReadOnlySpan<byte> data, JsonReaderState state)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: false, state);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="data"/> is one whole JSON value: then an error is not about its end (a key given twice).</summary>
    public static bool IsComplete(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: true, default);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static bool IsBlank(ReadOnlySpan<byte> data) => data.Trim(" \t\r\n"u8).IsEmpty;

    public static string Describe(JsonException ex, bool truncated)
    {
        if (truncated)
        {
            return "the file ends early; it looks truncated";
        }

        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return "malformed JSON: " + (cut > 0 ? message[..cut] : message);
    }
}
