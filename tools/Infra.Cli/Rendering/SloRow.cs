namespace Infra.Cli.Rendering;

/// <summary>One SLO of the plan: its objective, window, budget and alert thresholds, as shown.</summary>
internal sealed record SloRow(string Objective, string Window, string BudgetMinutes, string BudgetRequests, string Page, string Ticket);
