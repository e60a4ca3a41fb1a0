using System.Text.RegularExpressions;

namespace Infra.Blueprints.Loading;

/// <summary>
/// Values echoed in a message are bounded: a 5 MB costCenter is shown by its start and its length, not whole.
/// Messages quote what the file holds in single quotes; that is what is shortened.
/// </summary>
public static partial class EchoedValues
{
    public const int MaxLength = 120;

    public static string Shorten(string text) =>
        text.Length <= MaxLength ? text : Quoted().Replace(text, m => $"'{m.Groups[1].Value[..60]}…' ({m.Groups[1].Value.Length} characters)");

    [GeneratedRegex("'([^']{" + "121,})'")]
    private static partial Regex Quoted();
}
