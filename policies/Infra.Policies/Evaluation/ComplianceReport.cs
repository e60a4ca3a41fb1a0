using Infra.Blueprints.Definition;
using Infra.Policies.Rules;

namespace Infra.Policies.Evaluation;

/// <summary>The result of one compliance run over one stack; every report format is written from it.</summary>
public sealed record ComplianceReport(
    string Stack,
    EnvironmentKind Environment,
    DateTimeOffset EvaluatedAt,
    int ResourceCount,
    IReadOnlyList<EvaluatedRule> Rules,
    IReadOnlyList<Violation> Violations)
{
    public bool HasFailures => Violations.Any(v => v.Fails);

    /// <summary>The process exit code the issue asks for: 1 when a mandatory rule fails, else 0 (2 is for bad input, before a report exists).</summary>
    public int ExitCode => HasFailures ? 1 : 0;

    public int CountOf(ViolationOutcome outcome) => Violations.Count(v => v.Outcome == outcome);
}
