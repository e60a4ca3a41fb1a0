using YamlDotNet.RepresentationModel;

namespace Infra.Blueprints.Loading;

/// <summary>
/// Reads the keys of one YAML mapping. Every key asked for becomes an allowed key;
/// <see cref="RejectUnknownKeys"/> then reports the others, with the closest allowed key.
/// </summary>
internal sealed class MappingReader(YamlMappingNode node, string path, DocumentContext context)
{
    private readonly List<string> allowed = [];

    public string Path => path;

    public DocumentContext Context => context;

    public ValueReader? Optional(string key)
    {
        Allow(key);
        var value = Find(key);
        return value is null || value.IsNull ? null : value;
    }

    public ValueReader? Required(string key)
    {
        Allow(key);
        var value = Find(key);
        if (value is null)
        {
            context.Error(KeyPath.Child(path, key), context.Document.HasLines ? (int)node.Start.Line : null, $"missing required key '{key}'");
            return null;
        }
        if (value.IsNull)
        {
            value.Error("has no value");
            return null;
        }
        return value;
    }

    /// <summary>The entries of a mapping keyed by names (services, zones): each key with its value.</summary>
    public IEnumerable<(string Name, ValueReader Value)> Entries()
    {
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var childPath = KeyPath.Child(path, key);
            context.Remember(childPath, keyNode);
            yield return (key, new ValueReader(valueNode, childPath, context));
        }
    }

    public void RejectUnknownKeys()
    {
        foreach (var keyNode in node.Children.Keys)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? keyNode.ToString();
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                context.Error(KeyPath.Child(path, key), keyNode, UnknownKeyMessage(key));
            }
        }
    }

    private string UnknownKeyMessage(string key)
    {
        var closest = allowed.MinBy(candidate => EditDistance.Between(key, candidate));
        var hint = closest is not null && EditDistance.Between(key, closest) <= 2 ? $"; did you mean '{closest}'?" : "";
        return $"unknown key '{key}'{hint} allowed keys: {string.Join(", ", allowed)}";
    }

    private void Allow(string key)
    {
        if (!allowed.Contains(key, StringComparer.Ordinal))
        {
            allowed.Add(key);
        }
    }

    private ValueReader? Find(string key)
    {
        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (keyNode is YamlScalarNode { Value: var name } && name == key)
            {
                var childPath = KeyPath.Child(path, key);
                context.Remember(childPath, keyNode);
                return new ValueReader(valueNode, childPath, context);
            }
        }
        return null;
    }
}
