using Infra.Blueprints.Definition;
using Infra.Policies.Evaluation;
using Infra.Policies.Rules;

namespace Infra.Policies.Reporting;

/// <summary>Words shared by the report formats.</summary>
internal static class ReportText
{
    public static string Of(RuleSeverity severity) => severity.ToString().ToLowerInvariant();

    public static string Of(EnforcementLevel level) => level.ToString().ToLowerInvariant();

    public static string Of(ViolationOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static string Of(EnvironmentKind environment) => environment.ToString().ToLowerInvariant();

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Explain(Violation violation) => violation.Outcome switch
    {
        ViolationOutcome.Waived => $"waived by {violation.Waiver!.Approver} until {Date(violation.Waiver.Expires)}: {violation.Waiver.Justification}",
        ViolationOutcome.Baselined => "known violation (in the baseline)",
        ViolationOutcome.Advisory => "advisory",
        _ => "mandatory",
    };
}
