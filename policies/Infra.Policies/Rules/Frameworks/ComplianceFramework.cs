namespace Infra.Policies.Rules.Frameworks;

/// <summary>
/// A framework the bank is audited on, with the clauses that infrastructure code can evidence. The coverage table of
/// policies/RULES.md lists each clause as covered (by the rules that cite it) or not.
/// </summary>
public sealed record ComplianceFramework(string Prefix, string Name, string Version, IReadOnlyList<string> Clauses)
{
    public static ComplianceFramework CisAws { get; } = new("CIS AWS", "CIS Amazon Web Services Foundations Benchmark", "3.0.0",
    [
        "1.4", "1.5", "1.8", "1.9", "1.12", "1.14", "1.15", "1.16", "1.17", "1.19", "1.20",
        "2.1.1", "2.1.2", "2.1.4", "2.2.1", "2.3.1", "2.3.2", "2.3.3", "2.4.1",
        "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9",
        "4.1", "4.16",
        "5.1", "5.2", "5.3", "5.4", "5.5", "5.6",
    ]);

    public static ComplianceFramework PciDss { get; } = new("PCI DSS", "Payment Card Industry Data Security Standard", "4.0",
    [
        "1.2.5", "1.3.1", "1.3.2", "1.4.1", "1.4.4", "2.2.1", "2.2.4", "2.2.7", "3.2.1", "3.5.1", "3.6.1", "3.7.4", "4.2.1",
        "6.3.3", "6.4.1", "7.2.1", "7.2.2", "7.2.4", "7.2.5", "8.2.2", "8.2.5", "8.2.8", "8.3.1", "8.3.2", "8.3.6", "8.6.2", "8.6.3",
        "10.2.1", "10.2.2", "10.3.2", "10.3.3", "10.3.4", "10.5.1", "10.7.1", "11.5.1", "12.10.1",
    ]);

    public static ComplianceFramework Iso27001 { get; } = new("ISO 27001", "ISO/IEC 27001 Annex A", "2022",
    [
        "A.5.9", "A.5.12", "A.5.13", "A.5.15", "A.5.16", "A.5.17", "A.5.18", "A.5.23", "A.5.28", "A.5.30", "A.5.34", "A.5.36", "A.6.5",
        "A.8.2", "A.8.3", "A.8.4", "A.8.5", "A.8.7", "A.8.8", "A.8.9", "A.8.12", "A.8.13", "A.8.14", "A.8.15", "A.8.16",
        "A.8.20", "A.8.21", "A.8.22", "A.8.24", "A.8.25", "A.8.32",
    ]);

    public static ComplianceFramework Dora { get; } = new("DORA", "Digital Operational Resilience Act, Regulation (EU)", "2022/2554",
    [
        "Art. 5", "Art. 6", "Art. 7", "Art. 8", "Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 17", "Art. 24", "Art. 28",
    ]);

    public static IReadOnlyList<ComplianceFramework> All { get; } = [CisAws, PciDss, Iso27001, Dora];
}
