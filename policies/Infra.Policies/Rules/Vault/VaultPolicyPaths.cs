using System.Text.Json;
using System.Text.RegularExpressions;

namespace Infra.Policies.Rules.Vault;

/// <summary>
/// The path rules of a Vault policy document, in either form Vault accepts: HCL (<c>path "kv/*" { capabilities = [...] }</c>,
/// whose block may nest <c>allowed_parameters = { ... }</c> before the capabilities) or JSON
/// (<c>{"path": {"kv/*": {"capabilities": [...]}}}</c>), with the legacy <c>policy = "write"</c> read as its capabilities.
/// </summary>
internal static partial class VaultPolicyPaths
{
    /// <summary>Each path with its capabilities, or the reason the JSON form cannot be read.</summary>
    public static (IReadOnlyList<(string Path, IReadOnlyList<string> Capabilities)> Paths, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart().StartsWith('{') ? FromJson(text) : (FromHcl(text), null);
    }

    private static List<(string, IReadOnlyList<string>)> FromHcl(string text)
    {
        var paths = new List<(string, IReadOnlyList<string>)>();
        foreach (Match start in PathStart().Matches(text))
        {
            var body = TopLevelBody(text, start.Index + start.Length);
            var capabilities = Capabilities().Match(body) is { Success: true } list
                ? Quoted().Matches(list.Groups["list"].Value).Select(m => m.Groups[1].Value).ToList()
                : [];
            if (LegacyPolicy().Match(body) is { Success: true } legacy)
            {
                capabilities.AddRange(LegacyCapabilities(legacy.Groups["policy"].Value));
            }

            paths.Add((start.Groups["path"].Value, capabilities));
        }

        return paths;
    }

    /// <summary>The block's text from just after its opening brace to its closing one, with nested blocks left out.</summary>
    private static string TopLevelBody(string text, int from)
    {
        var body = new System.Text.StringBuilder();
        var depth = 0;
        var quoted = false;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"' && (i == 0 || text[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '{')
            {
                depth++;
                continue;
            }
            else if (!quoted && c == '}')
            {
                if (depth == 0)
                {
                    break;
                }
                depth--;
                continue;
            }

            if (depth == 0)
            {
                body.Append(c);
            }
        }

        return body.ToString();
    }

    private static (IReadOnlyList<(string, IReadOnlyList<string>)>, string?) FromJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (!document.RootElement.TryGetProperty("path", out var path))
            {
                return ([], null);
            }

            var blocks = path.ValueKind == JsonValueKind.Array ? path.EnumerateArray().ToList() : [path];
            var paths = new List<(string, IReadOnlyList<string>)>();
            foreach (var rule in blocks.Where(b => b.ValueKind == JsonValueKind.Object).SelectMany(b => b.EnumerateObject()))
            {
                var capabilities = rule.Value.ValueKind == JsonValueKind.Object && rule.Value.TryGetProperty("capabilities", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(c => c.GetString() ?? "").ToList()
                    : [];
                if (rule.Value.ValueKind == JsonValueKind.Object && rule.Value.TryGetProperty("policy", out var legacy) && legacy.ValueKind == JsonValueKind.String)
                {
                    capabilities.AddRange(LegacyCapabilities(legacy.GetString()!));
                }

                paths.Add((rule.Name, capabilities));
            }

            return (paths, null);
        }
        catch (JsonException e)
        {
            return ([], $"the policy starts like JSON but is not valid JSON ({e.Message}), so what it grants cannot be reviewed");
        }
    }

    /// <summary>The capabilities of the legacy <c>policy = "..."</c> form, which Vault still accepts beside <c>capabilities</c>.</summary>
    private static string[] LegacyCapabilities(string policy) => policy switch
    {
        "deny" => ["deny"],
        "read" => ["read", "list"],
        "write" => ["create", "read", "update", "delete", "list"],
        "sudo" => ["create", "read", "update", "delete", "list", "sudo"],
        _ => [],
    };

    [GeneratedRegex("\\bpolicy\\s*=\\s*\"(?<policy>[a-z]+)\"")]
    private static partial Regex LegacyPolicy();

    [GeneratedRegex("""path\s+"(?<path>[^"]*)"\s*\{""")]
    private static partial Regex PathStart();

    [GeneratedRegex("""capabilities\s*=\s*\[(?<list>[^\]]*)\]""")]
    private static partial Regex Capabilities();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();
}
