namespace Infra.Blueprints.Loading;

/// <summary>Key paths as diagnostics show them: <c>infra:services.ledger.port</c>, <c>people[3].end</c>.</summary>
internal static class KeyPath
{
    public static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

    public static string Item(string path, int index) => $"{path}[{index}]";

    public static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
