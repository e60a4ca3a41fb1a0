using System.Text;
using Infra.Policies.Rules.Frameworks;

namespace Infra.Policies.Rules;

/// <summary>
/// Renders the rule catalog as Markdown (policies/RULES.md): one section per rule with its id as anchor, severity,
/// default enforcement, resource types, frameworks, rationale and remediation, then the coverage of each framework's
/// clauses. A test keeps the file in sync.
/// </summary>
public static class RuleCatalogDocument
{
    /// <summary>Where the document is published (the repository's main branch).</summary>
    public const string PublishedAt = "https://gitlab.example-bank.eu/bank/platform/infra/-/blob/main/policies/RULES.md";

    /// <summary>A rule's section: GitLab anchors a heading that is the rule's id at the id itself.</summary>
    public static string HelpUriOf(string ruleId) => $"{PublishedAt}#{ruleId}";

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

        AppendCoverage(text, list);
        return text.ToString();
    }

    /// <summary>Per framework, each clause the bank is audited on with the rules that cite it, or "not covered".</summary>
    private static void AppendCoverage(StringBuilder text, List<PolicyRule> rules)
    {
        var cited = rules
            .SelectMany(r => r.Frameworks.Select(FrameworkClause.Parse).OfType<FrameworkClause>().Select(c => (Clause: c, Rule: r.Id)))
            .ToLookup(p => p.Clause.ToString(), p => p.Rule, StringComparer.Ordinal);
        text.Append("\n## Coverage by framework\n\n");
        text.Append("The clauses of each framework that infrastructure code can evidence, with the rules that check them. ");
        text.Append("A clause marked *not covered* is evidenced elsewhere (process, the security account) or is still to do.\n");
        foreach (var framework in ComplianceFramework.All)
        {
            var clauses = framework.Clauses
                .Concat(cited.Select(g => FrameworkClause.Parse(g.Key)!).Where(c => c.Framework == framework).Select(c => c.Clause))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(c => c, ClauseOrder.Instance)
                .ToList();
            var covered = clauses.Count(c => cited[$"{framework.Prefix} {c}"].Any());
            text.Append($"\n### {framework.Name} {framework.Version}\n\n{covered} of {clauses.Count} clauses covered.\n\n| Clause | Rules |\n|---|---|\n");
            foreach (var clause in clauses)
            {
                var ids = cited[$"{framework.Prefix} {clause}"].Distinct(StringComparer.Ordinal).Select(id => $"[`{id}`](#{id})").ToList();
                text.Append($"| {framework.Prefix} {clause} | {(ids.Count == 0 ? "*not covered*" : string.Join(", ", ids))} |\n");
            }
        }
    }

    private static string Word(RuleSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Word(EnforcementLevel level) => level.ToString().ToLowerInvariant();
}
