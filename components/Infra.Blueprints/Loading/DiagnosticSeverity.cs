namespace Infra.Blueprints.Loading;

/// <summary>An error makes a stack invalid; a warning is shown and does not.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}
