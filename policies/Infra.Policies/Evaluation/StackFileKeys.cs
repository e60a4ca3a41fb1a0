using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Policies.Evaluation;

/// <summary>
/// The 1-based line of every key of a stack file, by the key path the definition loader uses in its diagnostics
/// (<c>infra:services.ledger.instanceType</c>, <c>infra:endpoints.kafka[1]</c>; the <c>config</c> level is left out).
/// </summary>
public sealed class StackFileKeys
{
    private readonly Dictionary<string, int> _lines;

    private StackFileKeys(Dictionary<string, int> lines) => _lines = lines;

    public static StackFileKeys Empty { get; } = new([]);

    /// <summary>The keys of a stack file's text; a text that is not YAML has none (the loader reports it before any run).</summary>
    public static StackFileKeys Parse(string text)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException)
        {
            return Empty;
        }

        if (stream.Documents.FirstOrDefault()?.RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("config"), out var config))
        {
            Walk(config, "", lines);
        }

        return new StackFileKeys(lines);
    }

    /// <summary>The keys under one node (a catalog entry), by their path from it.</summary>
    public static StackFileKeys Of(YamlNode node)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        Walk(node, "", lines);
        return new StackFileKeys(lines);
    }

    public int? LineOf(string keyPath) => _lines.TryGetValue(keyPath, out var line) ? line : null;

    private static void Walk(YamlNode node, string path, Dictionary<string, int> lines)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var child = path.Length == 0 ? key.ToString() : $"{path}.{key}";
                    lines[child] = (int)key.Start.Line;
                    Walk(value, child, lines);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var item = $"{path}[{i}]";
                    lines[item] = (int)sequence.Children[i].Start.Line;
                    Walk(sequence.Children[i], item, lines);
                }

                break;
        }
    }
}
