using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Loading;

/// <summary>
/// The outcome of loading a stack: every diagnostic found and, only when none of them is an
/// error, the definition.
/// </summary>
public sealed record LoadResult(StackDefinition? Definition, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    /// <summary>A file of the stack could not be read as YAML: bad input rather than an invalid stack.</summary>
    public bool Unreadable => Diagnostics.Any(d => d.Unreadable);

    /// <summary>One line per error, in the order they were found.</summary>
    public string FormatErrors() => string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));
}
