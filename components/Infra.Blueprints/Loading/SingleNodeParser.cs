using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infra.Blueprints.Loading;

/// <summary>
/// Presents the next node of a parser (a scalar, or a whole mapping or list) as a stream of one
/// document, so that <c>YamlStream</c> builds a tree of that node alone. The nodes keep the marks
/// of the original file, so lines stay right. Reading a long list this way holds one item's tree
/// at a time instead of the whole file's.
/// </summary>
internal sealed class SingleNodeParser(IParser inner) : IParser
{
    private int state;
    private int depth;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        switch (state)
        {
            case 0:
                Current = new StreamStart();
                state = 1;
                return true;
            case 1:
                Current = new DocumentStart();
                state = 2;
                return true;
            case 2:
                Current = inner.Current ?? throw new InvalidOperationException("the parser has no current event");
                inner.MoveNext();
                depth += Current.NestingIncrease;
                state = depth == 0 ? 3 : 2;
                return true;
            case 3:
                Current = new DocumentEnd(isImplicit: true);
                state = 4;
                return true;
            case 4:
                Current = new StreamEnd();
                state = 5;
                return true;
            default:
                return false;
        }
    }
}
