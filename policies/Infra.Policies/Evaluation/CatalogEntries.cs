using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Policies.Evaluation;

/// <summary>The entries of a catalog file (<see cref="CatalogSource"/>): each one's id, line and keys.</summary>
public sealed class CatalogEntries
{
    private readonly Dictionary<string, (int Line, StackFileKeys Keys)> _entries;

    private CatalogEntries(Dictionary<string, (int Line, StackFileKeys Keys)> entries) => _entries = entries;

    /// <summary>The entries of a catalog's text; a text that is not YAML, or has no such list, has none.</summary>
    public static CatalogEntries Parse(string? text, CatalogSource catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var entries = new Dictionary<string, (int, StackFileKeys)>(StringComparer.Ordinal);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text ?? ""));
        }
        catch (YamlException)
        {
            return new CatalogEntries(entries);
        }

        if (stream.Documents.FirstOrDefault()?.RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode(catalog.ListKey), out var list) && list is YamlSequenceNode sequence)
        {
            foreach (var entry in sequence.Children.OfType<YamlMappingNode>())
            {
                if (entry.Children.TryGetValue(new YamlScalarNode(catalog.IdKey), out var id) && id is YamlScalarNode { Value: { Length: > 0 } name })
                {
                    entries.TryAdd(name, ((int)entry.Start.Line, StackFileKeys.Of(entry)));
                }
            }
        }

        return new CatalogEntries(entries);
    }

    /// <summary>
    /// The line of the entry a resource name carries (the entry's id whole, or between hyphens: the longest that fits),
    /// at its key for the property when the entry has one; null when the name carries no entry's id.
    /// </summary>
    public int? LineOf(string resourceName, string? propertyPath, CatalogSource catalog)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        ArgumentNullException.ThrowIfNull(catalog);
        var id = _entries.Keys.Where(id => Carries(resourceName, id)).MaxBy(id => id.Length);
        if (id is null)
        {
            return null;
        }

        var (line, keys) = _entries[id];
        if (propertyPath is null)
        {
            return line;
        }

        var key = catalog.Keys.TryGetValue(propertyPath, out var mapped) ? mapped : propertyPath;
        return keys.LineOf(key) ?? line;
    }

    private static bool Carries(string name, string id) =>
        name == id || name.StartsWith(id + "-", StringComparison.Ordinal) || name.EndsWith("-" + id, StringComparison.Ordinal)
        || name.Contains("-" + id + "-", StringComparison.Ordinal);
}
