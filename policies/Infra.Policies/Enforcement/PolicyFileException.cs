namespace Infra.Policies.Enforcement;

/// <summary>A policy file with errors; <see cref="Diagnostics"/> lists every one of them, not just the first.</summary>
public sealed class PolicyFileException : Exception
{
    public PolicyFileException()
        : this([])
    {
    }

    public PolicyFileException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    public PolicyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    public PolicyFileException(IReadOnlyList<PolicyFileDiagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<PolicyFileDiagnostic> Diagnostics { get; }
}
