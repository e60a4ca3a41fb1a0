using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infra.Blueprints.Loading;

/// <summary>
/// The one YAML parser of every input file: YamlDotNet's, with the limits every reader shares, each a
/// <see cref="YamlException"/> with its position before any tree is built. Nesting deeper than
/// <see cref="MaxDepth"/> is refused (the trees and readers are recursive: 50,000 levels would overflow
/// the stack); anchors and aliases are refused (the catalogs are read one entry at a time, where an alias
/// to another entry cannot be resolved, so no file has them); a second document (<c>---</c>) is refused
/// instead of ignored; a list or mapping left open is reported where it opens.
/// </summary>
public sealed class BoundedParser : IParser
{
    /// <summary>Far deeper than any file of the repository (about 8), far below what overflows the stack.</summary>
    public const int MaxDepth = 64;

    private readonly Parser inner;
    private readonly Stack<(Mark Start, bool Flow)> open = new();
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
            case MappingStart mapping:
                open.Push((mapping.Start, mapping.Style == MappingStyle.Flow));
                break;
            case SequenceStart sequence:
                open.Push((sequence.Start, sequence.Style == SequenceStyle.Flow));
                break;
            case MappingEnd or SequenceEnd:
                open.Pop();
                break;
        }
        return true;
    }
}
