using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace Infra.Blueprints.Loading;

/// <summary>
/// Opening and parsing the YAML input files: a file that is missing, unreadable or not YAML is one
/// error on its document, with the parser's position where it knows it, never an exception.
/// </summary>
internal static class YamlSources
{
    /// <summary>What to say when YamlDotNet fails without a position (it does so on some unclosed flow collections).</summary>
    private const string UnpositionedError =
        "is not valid YAML: the parser stopped without a position, most often at a [list] or {mapping} left open; check the brackets";

    /// <summary>Decodes UTF-8 strictly: a byte that is not UTF-8 is an error, never a replacement character read on as text.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Opens <paramref name="path"/> and parses it with <paramref name="parse"/>; null when it cannot be read or parsed.</summary>
    public static T? ReadFile<T>(string path, DocumentContext context, Func<TextReader, T?> parse)
        where T : class
    {
        try
        {
            using var text = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            return Parse(context, () => parse(text));
        }
        catch (DecoderFallbackException)
        {
            // Found again on the bytes for its position: the decoder knows neither line nor column.
            var (line, column, offset) = JsonText.FirstInvalidUtf8(File.ReadAllBytes(path)) ?? (1, 1, 0);
            context.ParseError((int)line, string.Create(CultureInfo.InvariantCulture,
                $"is not UTF-8 at column {column} (byte offset {offset}); the files are UTF-8 text: save it as UTF-8 (an editor's Latin-1 or Windows-1252 encoding writes such bytes)"));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            context.ParseError(null, "the file does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.ParseError(null, $"cannot be read: {e.Message}");
        }
        return null;
    }

    /// <summary>Runs <paramref name="parse"/>; a syntax error becomes an error with its line and column, and null.</summary>
    public static T? Parse<T>(DocumentContext context, Func<T?> parse)
        where T : class
    {
        try
        {
            return parse();
        }
        catch (YamlException e)
        {
            context.ParseError((int)e.Start.Line, $"is not valid YAML at column {e.Start.Column}: {Message(e)}");
        }
        catch (InvalidOperationException e) when (e.Source == "YamlDotNet")
        {
            context.ParseError(null, UnpositionedError);
        }
        return null;
    }

    /// <summary>The parser's own message, less the position it repeats.</summary>
    public static string Message(YamlException e) => (e.InnerException?.Message ?? e.Message).Split(" | ")[0].TrimEnd('.');
}
