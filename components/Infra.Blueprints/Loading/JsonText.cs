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
}
