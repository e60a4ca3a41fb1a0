using System.Globalization;
using System.Text;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Drills;

/// <summary>The region switch plan as a Markdown runbook for the change record.</summary>
public static class RegionSwitchRunbook
{
    public static string Markdown(RegionSwitchPlan plan, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        Line(text, $"# Region switch of stack {plan.Stack}: {plan.From} → {plan.To}");
        Line(text);
        Line(text, $"Environment: {ValueReader.EnumName(plan.Environment)}. Prepared on {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} from the stack's config by `infra drill region-switch`.");
        Line(text, plan.Ready
            ? "Every offline pre-check passed; do the manual ones live in step 2."
            : "**Not ready: a pre-check failed.** Fix it (see below) before the switch.");
        Line(text);
        Line(text, "## Pre-checks");
        Line(text);
        Line(text, "| status | check | subject | detail |");
        Line(text, "| --- | --- | --- | --- |");
        foreach (var check in plan.PreChecks)
        {
            Line(text, $"| {Status(check.Status)} | {check.Id} | {check.Subject} | {Cell(check.Detail)} |");
        }
        Line(text);
        Line(text, "## Expected RPO and RTO");
        Line(text);
        Line(text, "| kind | objectives | why |");
        Line(text, "| --- | --- | --- |");
        Line(text, $"| planned switchover | {plan.PlannedObjective.Summary} | {Cell(plan.PlannedObjective.Explanation)} |");
        Line(text, $"| disaster failover | {plan.FailoverObjective.Summary} | {Cell(plan.FailoverObjective.Explanation)} |");
        Steps(text, "## Planned switchover (the quarterly drill)", plan.PlannedSwitchover);
        Steps(text, "## Disaster failover (possible data loss)", plan.DisasterFailover);
        Steps(text, "## Rollback", plan.Rollback);
        return text.ToString();
    }

    private static void Steps(StringBuilder text, string title, EquatableList<DrillStep> steps)
    {
        Line(text);
        Line(text, title);
        for (var i = 0; i < steps.Count; i++)
        {
            Line(text);
            var budget = $"{Durations.Format(steps[i].Budget)}, {(steps[i].Measured ? "measured at the last drill" : "estimated")}";
            Line(text, string.Create(CultureInfo.InvariantCulture, $"{i + 1}. **{steps[i].Title}** ({budget}). {steps[i].Detail}"));
            if (steps[i].Commands.Count > 0)
            {
                Line(text);
                Line(text, "   ```sh");
                foreach (var command in steps[i].Commands)
                {
                    Line(text, "   " + command);
                }
                Line(text, "   ```");
            }
        }
    }

    private static string Status(DrillCheckStatus status) => status switch
    {
        DrillCheckStatus.Passed => "passed",
        DrillCheckStatus.Failed => "**FAILED**",
        _ => "manual",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
