using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infra.Blueprints.Loading;

/// <summary>
/// The one YAML parser of every input file: YamlDotNet's, with the limits every reader shares, each a
/// <see cref="YamlException"/> with its position before any tree is built. Nesting deeper than
/// <see cref="MaxDepth"/> is refused (the trees and readers are recursive: 50,000 levels would overflow
/// the stack); anchors and aliases are refused (the catalogs are read one entry at a time, where an alias
/// to another entry cannot be resolved, so no file has them); a second document (<c>---</c>) is refused
/// instead of ignored; a list or mapping left open is reported where it opens. A key missing before its
/// <c>:</c> is refused where the <c>:</c> is: YamlDotNet then emits a mapping with a key and no value, which its
/// own tree builder fails on with an exception that has no position.
/// </summary>
public sealed class BoundedParser : IParser
{
    /// <summary>Far deeper than any file of the repository (about 8), far below what overflows the stack.</summary>
    public const int MaxDepth = 64;

    private readonly Parser inner;
    private readonly Stack<OpenCollection> open = new();
    private int documents;

    public BoundedParser(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        inner = new Parser(text);
    }

    public ParsingEvent? Current => inner.Current;

    /// <summary>A parser error's reason, without the position its message repeats: for messages that give the position their own way.</summary>
    public static string Reason(YamlException error) => YamlSources.Message(error);

    public bool MoveNext()
    {
        bool moved;
        try
        {
            moved = inner.MoveNext();
        }
        catch (Exception e) when (e is InvalidOperationException or YamlException && open.Any(o => o.Flow))
        {
            // YamlDotNet finds an unclosed [ or { far from it (often at the end of the file), with no position or a useless one.
            var start = open.First(o => o.Flow).Start;
            var stopped = e is YamlException y ? $" (the parser stopped at line {y.Start.Line}, column {y.Start.Column}: {YamlSources.Message(y)})" : "";
            throw new YamlException(start, start, $"the [list] or {{mapping}} opened at line {start.Line}, column {start.Column} is not closed{stopped}; check its brackets");
        }
        if (!moved)
        {
            return false;
        }
        switch (inner.Current)
        {
            case AnchorAlias alias:
                throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value} is not allowed: anchors and aliases (&name, *name) are not used in these files; write the value out in full");
            case NodeEvent { Anchor.IsEmpty: false } node:
                throw new YamlException(node.Start, node.End, $"the anchor &{node.Anchor.Value} is not allowed: anchors and aliases (&name, *name) are not used in these files; write the value out in full");
            case DocumentStart { IsImplicit: var implicitStart } document when ++documents > 1:
                throw new YamlException(document.Start, document.End, implicitStart
                    ? "a second YAML document starts here; the file holds one document"
                    : "a second YAML document starts here (---); the file holds one document: remove the --- line and what follows, or merge it into the first");
            case MappingStart or SequenceStart when open.Count >= MaxDepth:
                throw new YamlException(inner.Current.Start, inner.Current.End, $"nested more than {MaxDepth} levels deep; the files of this repository need fewer than 10");
            case Scalar { Value.Length: 0, Style: ScalarStyle.Plain } key when open.TryPeek(out var mappingOfKey) && mappingOfKey.Mapping && mappingOfKey.Children % 2 == 0:
                throw new YamlException(key.Start, key.End, "a ':' with no key before it; write the key, or remove the ':'");
            case MappingEnd when open.Peek().Children % 2 == 1:
                var unpaired = open.Peek().Start;
                throw new YamlException(unpaired, unpaired, $"the mapping that starts at line {unpaired.Line}, column {unpaired.Column} ends with a key that has no value");
        }
        if (inner.Current is NodeEvent && open.TryPeek(out var container))
        {
            container.Children++;
        }
        switch (inner.Current)
        {
            case MappingStart mapping:
                open.Push(new OpenCollection(mapping.Start, mapping.Style == MappingStyle.Flow, mapping: true));
                break;
            case SequenceStart sequence:
                open.Push(new OpenCollection(sequence.Start, sequence.Style == SequenceStyle.Flow, mapping: false));
                break;
            case MappingEnd or SequenceEnd:
                open.Pop();
                break;
        }
        return true;
    }

    /// <summary>A list or mapping not closed yet, and how many nodes it holds so far (a mapping's keys and values).</summary>
    private sealed class OpenCollection(Mark start, bool flow, bool mapping)
    {
        public Mark Start { get; } = start;

        public bool Flow { get; } = flow;

        public bool Mapping { get; } = mapping;

        public int Children { get; set; }
    }
}
