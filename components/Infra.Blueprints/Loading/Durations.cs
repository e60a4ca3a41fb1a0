using System.Globalization;
using System.Text.RegularExpressions;

namespace Infra.Blueprints.Loading;

/// <summary>Durations as Vault and people write them: a whole number and one unit, s, m, h or d.</summary>
internal static partial class Durations
{
    public static TimeSpan? Parse(string text)
    {
        var match = Shape().Match(text);
        if (!match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
        {
            return null;
        }
        return match.Groups["unit"].Value switch
        {
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
    }

    /// <summary>The shortest exact form: 90m stays 90m, 120m becomes 2h.</summary>
    public static string Format(TimeSpan value) => value switch
    {
        { TotalDays: var d } when d >= 1 && d == Math.Floor(d) => $"{(long)d}d",
        { TotalHours: var h } when h >= 1 && h == Math.Floor(h) => $"{(long)h}h",
        { TotalMinutes: var m } when m >= 1 && m == Math.Floor(m) => $"{(long)m}m",
        _ => $"{(long)value.TotalSeconds}s",
    };

    [GeneratedRegex("^(?<n>[0-9]+)(?<unit>[smhd])$")]
    private static partial Regex Shape();
}
