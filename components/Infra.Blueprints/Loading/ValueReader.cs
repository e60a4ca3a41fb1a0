using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Infra.Blueprints.Definition;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Blueprints.Loading;

/// <summary>
/// Reads one YAML value as a typed value. A value of the wrong type or out of bounds is reported
/// with its path and line, and read as null, so that reading goes on and every error is found.
/// </summary>
internal sealed class ValueReader(YamlNode node, string path, DocumentContext context)
{
    public YamlNode Node => node;

    public string Path => path;

    public DocumentContext Context => context;

    /// <summary>True for <c>key:</c>, <c>key: ~</c> and <c>key: null</c>: a key present without a value.</summary>
    public bool IsNull => node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    /// <summary>True for Pulumi's encrypted form <c>{ secure: ... }</c>.</summary>
    public bool IsSecure => node is YamlMappingNode mapping
        && mapping.Children.Count == 1
        && mapping.Children.Keys.Single() is YamlScalarNode { Value: "secure" };

    public void Error(string message) => context.Error(path, node, message);

    public string? String()
    {
        context.Remember(path, node);
        if (IsSecure)
        {
            Error($"a secure value is not allowed here; secrets go only in {string.Join(", ", StackConfigKeys.Secrets.Select(k => "infra:" + k))}");
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            Error($"expected a text value, found {Describe(node)}");
            return null;
        }
        if (IsNull)
        {
            Error("has no value");
            return null;
        }
        return scalar.Value;
    }

    public string? Matching(Regex pattern, string allowed)
    {
        var text = String();
        if (text is not null && !pattern.IsMatch(text))
        {
            Error($"'{text}' is not valid; expected {allowed}");
            return null;
        }
        return text;
    }

    public string? OneOf(IReadOnlySet<string> allowed, string what)
    {
        var text = String();
        if (text is not null && !allowed.Contains(text))
        {
            Error($"'{text}' is not a known {what}; allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");
            return null;
        }
        return text;
    }

    public int? Int(int min, int max)
    {
        var text = String();
        if (text is null)
        {
            return null;
        }
        if (node is YamlScalarNode { Style: not ScalarStyle.Plain })
        {
            Error($"expected a number between {min} and {max}, found the quoted text '{text}' (remove the quotes)");
            return null;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error($"expected a whole number between {min} and {max}, found '{text}'");
            return null;
        }
        if (value < min || value > max)
        {
            Error($"must be between {min} and {max}, found {value}");
            return null;
        }
        return value;
    }

    /// <summary>A decimal number such as a percentage (99.95), with at most two decimals.</summary>
    public decimal? Decimal(decimal min, decimal max)
    {
        var text = String();
        if (text is null)
        {
            return null;
        }
        var allowed = $"a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)} with at most two decimals";
        if (node is YamlScalarNode { Style: not ScalarStyle.Plain })
        {
            Error($"expected {allowed}, found the quoted text '{text}' (remove the quotes)");
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Error($"expected {allowed}, found '{text}'");
            return null;
        }
        if (value < min || value > max)
        {
            Error($"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, found {text}");
            return null;
        }
        if (value.Scale > 2)
        {
            Error($"expected {allowed}, found '{text}'");
            return null;
        }
        return value;
    }

    public bool? Bool()
    {
        var text = String();
        return text switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Fail<bool?>($"expected true or false, found '{text}'"),
        };
    }

    /// <summary>The last year a date of an input file may have (HR events too).</summary>
    internal const int LatestYear = 2999;

    public DateOnly? Date()
    {
        var text = String();
        if (text is null)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error($"expected a date as YYYY-MM-DD, found '{text}'");
            return null;
        }
        if (date.Year > LatestYear)
        {
            // A typing error, and far dates (9999-12-31) overflow the day after that access ends.
            Error($"expected a date before the year {LatestYear + 1}, found '{text}'");
            return null;
        }
        return date;
    }

    /// <summary>An instant with its offset, e.g. 2026-12-02T16:30:00Z; kept as given.</summary>
    public DateTimeOffset? Instant()
    {
        var text = String();
        if (text is null)
        {
            return null;
        }
        if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            || !HasOffset(text))
        {
            Error($"expected a time with its offset as YYYY-MM-DDTHH:MM:SSZ, found '{text}'");
            return null;
        }
        return at;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    public TEnum? Enum<TEnum>()
        where TEnum : struct, Enum
    {
        var text = String();
        if (text is null)
        {
            return null;
        }
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(EnumName(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }
        Error($"'{text}' is not allowed; expected one of {string.Join(", ", System.Enum.GetValues<TEnum>().Select(EnumName))}");
        return null;
    }

    public TimeSpan? Duration(TimeSpan min, TimeSpan max)
    {
        var text = String();
        if (text is null)
        {
            return null;
        }
        var allowed = $"between {Durations.Format(min)} and {Durations.Format(max)}";
        if (Durations.Parse(text) is not { } value)
        {
            Error($"'{text}' is not a duration; expected a whole number and a unit (s, m, h or d) {allowed}, e.g. 1h");
            return null;
        }
        if (value < min || value > max)
        {
            Error($"{text} is out of bounds; expected {allowed}");
            return null;
        }
        return value;
    }

    public Uri? HttpsUrl()
    {
        var text = String();
        if (text is null)
        {
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0)
        {
            Error($"'{text}' is not valid; expected an https:// URL");
            return null;
        }
        return uri;
    }

    /// <summary>A forward proxy's URL: http:// or https://, a host and an explicit port, nothing else.</summary>
    public Uri? ProxyUrl()
    {
        var text = String();
        if (text is null)
        {
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0 || uri.IsDefaultPort || uri.PathAndQuery != "/" || uri.UserInfo.Length > 0)
        {
            Error($"'{text}' is not valid; expected a proxy URL with a host and an explicit port and nothing else, e.g. http://egress-proxy.stg.example-bank.eu:3128");
            return null;
        }
        return uri;
    }

    public IPNetwork? Cidr()
    {
        var text = String();
        if (text is null)
        {
            return null;
        }
        if (!text.Contains('/', StringComparison.Ordinal)
            || !IPNetwork.TryParse(text, out var network)
            || network.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            Error($"'{text}' is not a valid IPv4 CIDR; expected an address and a prefix length with the host bits zero, e.g. 10.40.0.0/16");
            return null;
        }
        if (network.ToString() != text)
        {
            // IPNetwork drops host bits silently; a CIDR with host bits set is a typo more often than not.
            Error($"'{text}' has host bits set; expected the host bits zero, e.g. {network}");
            return null;
        }
        return network;
    }

    public MappingReader? Mapping()
    {
        context.Remember(path, node);
        if (node is YamlMappingNode mapping && !IsSecure)
        {
            return new MappingReader(mapping, path, context);
        }
        Error($"expected a mapping of keys to values, found {Describe(node)}");
        return null;
    }

    public IReadOnlyList<ValueReader>? List()
    {
        context.Remember(path, node);
        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children.Select((item, index) => new ValueReader(item, KeyPath.Item(path, index), context))];
        }
        Error($"expected a list, found {Describe(node)}");
        return null;
    }

    /// <summary>A list of values read with <paramref name="read"/>; items that fail are left out (and reported).</summary>
    public EquatableList<T>? ListOf<T>(Func<ValueReader, T?> read)
        where T : class
    {
        var items = List();
        return items?.Select(read).OfType<T>().ToEquatableList();
    }

    /// <summary>A list of values read with <paramref name="read"/>; items that fail are left out (and reported).</summary>
    public EquatableList<T>? ListOfValues<T>(Func<ValueReader, T?> read)
        where T : struct
    {
        var items = List();
        return items?.Select(read).Where(v => v.HasValue).Select(v => v!.Value).ToEquatableList();
    }

    public static string EnumName<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    private T Fail<T>(string message)
    {
        Error(message);
        return default!;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "an alias",
    };
}
