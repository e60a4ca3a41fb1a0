using System.Text;

namespace Infra.Policies.Rules;

/// <summary>
/// Renders the rule catalog as Markdown (policies/RULES.md): one section per rule with its id as anchor, severity,
/// default enforcement, resource types, frameworks, rationale and remediation. A test keeps the file in sync.
/// </summary>
public static class RuleCatalogDocument
{
    public static string Render(IEnumerable<PolicyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        var text = new StringBuilder();
        text.Append("# Compliance rules\n\n");
        text.Append("Generated from `policies/Infra.Policies/Rules` (`RuleCatalogDocument.Render`); a test fails when this file is out of date.\n");
        text.Append("Enforcement can be changed per rule and per stack in `policies/enforcement.yaml`; exceptions go to `policies/waivers.yaml`.\n\n");
        text.Append("| Id | Severity | Default enforcement | Title |\n|---|---|---|---|\n");
        foreach (var rule in list)
        {
            text.Append($"| [`{rule.Id}`](#{rule.Id}) | {Word(rule.Severity)} | {Word(rule.DefaultEnforcement)} | {rule.Title} |\n");
        }

        foreach (var rule in list)
        {
            text.Append($"\n## {rule.Id}\n\n");
            text.Append($"**{rule.Title}.** Severity {Word(rule.Severity)}, {Word(rule.DefaultEnforcement)} by default.\n\n");
            var types = rule.ResourceTypes.Count == 0 ? "waivers.yaml" : string.Join(", ", rule.ResourceTypes.Select(t => $"`{t}`"));
            text.Append($"- Resources: {types}{(rule.Scope == RuleScope.Stack ? " (judged across the whole stack)" : "")}\n");
            text.Append($"- Frameworks: {string.Join(", ", rule.Frameworks)}\n");
            text.Append($"- Why: {rule.Rationale}\n");
            text.Append($"- Fix: {rule.Remediation}\n");
        }

        return text.ToString();
    }

    private static string Word(RuleSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Word(EnforcementLevel level) => level.ToString().ToLowerInvariant();
}
