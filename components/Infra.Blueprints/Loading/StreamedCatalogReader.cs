using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Infra.Blueprints.Loading;

/// <summary>
/// Reads a catalog file (a top-level key holding a list of entries) one entry at a time: each
/// entry's tree is built, read and dropped before the next is parsed. A catalog of tens of
/// thousands of entries then needs the memory of one entry's tree, not of the whole file's
/// (whose tree is about 17 times the file's size). Diagnostics are the same as for a file read whole.
/// </summary>
internal static class StreamedCatalogReader
{
    public static List<Located<T>> ReadFile<T>(string path, DocumentContext context, string listKey, string idKey, Func<MappingReader, T?> read, out IReadOnlySet<string> ids)
        where T : class
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        ids = declared;
        return YamlSources.ReadFile(path, context, text => ReadDocument(new BoundedParser(text), context, listKey, idKey, read, declared)) ?? [];
    }

    public static List<Located<T>> Read<T>(TextReader text, DocumentContext context, string listKey, string idKey, Func<MappingReader, T?> read, out IReadOnlySet<string> ids)
        where T : class
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        ids = declared;
        return YamlSources.Parse(context, () => ReadDocument(new BoundedParser(text), context, listKey, idKey, read, declared)) ?? [];
    }

    private static List<Located<T>> ReadDocument<T>(IParser parser, DocumentContext context, string listKey, string idKey, Func<MappingReader, T?> read, HashSet<string> ids)
        where T : class
    {
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _))
        {
            context.Error("", "the file is empty");
            return [];
        }
        if (!parser.TryConsume<MappingStart>(out var top))
        {
            // Reports what the document holds instead of a mapping.
            new ValueReader(NextNode(parser), "", context).Mapping();
            return [];
        }
        List<Located<T>>? items = null;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            if (key.Value != listKey || items is not null)
            {
                context.Error(key.Value, (int)key.Start.Line, key.Value == listKey
                    ? $"Duplicate key {listKey}: the file has one '{listKey}' list"
                    : $"unknown key '{key.Value}'; allowed keys: {listKey}");
                parser.SkipThisAndNestedEvents();
                continue;
            }
            if (parser.TryConsume<SequenceStart>(out _))
            {
                items = CatalogReader.ReadEntries(Entries(parser, listKey, context), idKey, read, ids);
                parser.Consume<SequenceEnd>();
                continue;
            }
            var value = new ValueReader(NextNode(parser), listKey, context);
            if (value.IsNull)
            {
                value.Error("has no value");
            }
            else
            {
                value.List();
            }
            items = [];
        }
        if (items is null)
        {
            context.Error(listKey, (int)top.Start.Line, $"missing required key '{listKey}'");
        }
        // To the end of the stream: a second document is an error (BoundedParser), not ignored.
        parser.Consume<DocumentEnd>();
        parser.Consume<StreamEnd>();
        return items ?? [];
    }

    private static IEnumerable<ValueReader> Entries(IParser parser, string listKey, DocumentContext context)
    {
        for (var index = 0; parser.Current is not SequenceEnd; index++)
        {
            yield return new ValueReader(NextNode(parser), KeyPath.Item(listKey, index), context);
        }
    }

    private static YamlNode NextNode(IParser parser)
    {
        var stream = new YamlStream();
        stream.Load(new SingleNodeParser(parser));
        return stream.Documents[0].RootNode;
    }
}
