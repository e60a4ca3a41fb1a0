using Infra.Policies.Evaluation;

namespace Infra.Policies.Reporting;

/// <summary>Writes a <see cref="ComplianceReport"/> in one format. No writer ever prints a secret: the report holds none.</summary>
public interface IComplianceReportWriter
{
    /// <summary>The format's name on the command line: json, junit, sarif, codequality, table.</summary>
    string Format { get; }

    void Write(ComplianceReport report, Stream output);
}
