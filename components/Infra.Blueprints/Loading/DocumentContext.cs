using YamlDotNet.RepresentationModel;

namespace Infra.Blueprints.Loading;

/// <summary>
/// Collects the diagnostics of one document and remembers the line of every key path read, so
/// that checks made after reading (cross references, overlaps) can still name the line.
/// </summary>
internal sealed class DocumentContext(SourceDocument document, List<Diagnostic> diagnostics)
{
    private readonly Dictionary<string, int> lines = new(StringComparer.Ordinal);

    /// <summary>The document could not be parsed (its syntax error is reported): checks against its names would only add follow-on errors.</summary>
    public bool Unparsed { get; private set; }

    /// <summary>A file that cannot be read or a syntax error: the document's one error, at its line when the parser knows it.</summary>
    public void ParseError(int? line, string message)
    {
        Unparsed = true;
        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, document.DisplayName, "", document.HasLines ? line : null, EchoedValues.Shorten(message)) { Unreadable = true });
    }

    public SourceDocument Document => document;

    public void Remember(string path, YamlNode node)
    {
        if (document.HasLines)
        {
            lines.TryAdd(path, (int)node.Start.Line);
        }
    }

    public void Error(string path, string message) => Add(DiagnosticSeverity.Error, path, LineOf(path), message);

    public void Error(string path, YamlNode node, string message)
    {
        Remember(path, node);
        Error(path, message);
    }

    public void Error(string path, int? line, string message) => Add(DiagnosticSeverity.Error, path, line, message);

    public void Warning(string path, string message) => Add(DiagnosticSeverity.Warning, path, LineOf(path), message);

    /// <summary>The line of the path, or of its nearest parent that was read.</summary>
    public int? LineOf(string path)
    {
        for (var current = path; ; current = KeyPath.Parent(current))
        {
            if (lines.TryGetValue(current, out var line))
            {
                return line;
            }
            if (current.Length == 0)
            {
                return null;
            }
        }
    }

    private void Add(DiagnosticSeverity severity, string path, int? line, string message) =>
        diagnostics.Add(new Diagnostic(severity, document.DisplayName, EchoedValues.Shorten(path), document.HasLines ? line : null, EchoedValues.Shorten(message)));
}
