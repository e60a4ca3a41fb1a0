namespace Infra.Blueprints.Loading;

/// <summary>The shape Vault gives policy paths: a glob only at the end, <c>+</c> only as a whole segment.</summary>
internal static class VaultPaths
{
    /// <summary>What is wrong with <paramref name="path"/> as a policy path, or null when nothing is.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0 || path.StartsWith('/'))
        {
            return $"'{path}' is not a Vault path; expected a path without a leading slash, e.g. kv/data/teams/payments/*";
        }
        if (path.Any(char.IsControl))
        {
            return "contains a control character; Vault paths are printable text";
        }
        if (path == "*" || path.StartsWith("+/*", StringComparison.Ordinal))
        {
            return $"'{path}' matches every path in Vault; grant the mounts and prefixes needed instead";
        }
        var star = path.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0 && star != path.Length - 1)
        {
            return $"'{path}' has a '*' before its end; Vault allows the glob only as the last character";
        }
        if (path.Split('/').Any(segment => segment.Contains('+', StringComparison.Ordinal) && segment != "+"))
        {
            return $"'{path}' uses '+' inside a segment; Vault allows '+' only as a whole path segment";
        }
        return null;
    }
}
