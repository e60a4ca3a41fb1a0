using System.Text.Json;

namespace Infra.Blueprints.Loading;

/// <summary>
/// What every JSON reader checks the same way before parsing: a leading UTF-8 byte order mark is skipped (editors on
/// Windows write one; the streaming export reader skips it too), and every byte must be UTF-8, reported at its line,
/// column and offset instead of an exception from deep inside the parser.
/// </summary>
public static class JsonText
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> bytes) =>
        bytes.Span.StartsWith(Bom) ? bytes[Bom.Length..] : bytes;

    /// <summary>Where the first byte that is not UTF-8 is (line and column 1-based, offset 0-based), or null when all are.</summary>
    public static (long Line, long Column, long Offset)? FirstInvalidUtf8(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        if (System.Text.Unicode.Utf8.IsValid(span))
        {
            return null;
        }
        long line = 1, column = 1;
        for (var offset = 0; offset < span.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(span[offset..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return (line, column, offset);
            }
            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + 1);
            offset += consumed;
        }
        return null;
    }

    /// <summary>
    /// The first key given twice in one object (its line and column counted as <see cref="FirstInvalidUtf8"/> counts
    /// them), or null when there is none. The parser's own error for it has no position.
    /// </summary>
    public static RepeatedKey? FirstRepeatedKey(ReadOnlyMemory<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var objects = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        objects.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName when !objects.Peek().Add(reader.GetString()!):
                        var (line, column) = LineAndColumn(bytes.Span[..(int)reader.TokenStartIndex]);
                        return new RepeatedKey(line, column, reader.GetString()!);
                }
            }
        }
        catch (JsonException)
        {
            // Malformed before any repeated key: the parser's own error says where.
        }
        return null;
    }

    private static (long Line, long Column) LineAndColumn(ReadOnlySpan<byte> before)
    {
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, System.Text.Encoding.UTF8.GetString(before[lineStart..]).EnumerateRunes().Count() + 1);
    }
}
