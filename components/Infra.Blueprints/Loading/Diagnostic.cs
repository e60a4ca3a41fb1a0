using System.Globalization;

namespace Infra.Blueprints.Loading;

/// <summary>
/// One finding about the input: which file, which key (as a path such as
/// <c>infra:services.ledger.port</c> or <c>people[3].end</c>), the line where the parser knows it,
/// and a message that says what is wrong and what is allowed.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string File, string KeyPath, int? Line, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// The file could not be read as YAML at all (missing, unreadable, a syntax error or a parser limit):
    /// bad input, exit 2, where an error in what was read makes the stack invalid, exit 1.
    /// </summary>
    public bool Unreadable { get; init; }

    public override string ToString()
    {
        var where = Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{File}:{line}") : File;
        var key = KeyPath.Length == 0 ? "" : KeyPath + ": ";
        var level = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{where}: {level}: {key}{Message}";
    }
}
