using Infra.Policies.Enforcement;
using Infra.Policies.Model;
using Infra.Policies.Rules;
using Infra.Policies.Rules.Waivers;

namespace Infra.Policies.Evaluation;

/// <summary>
/// Runs the rules over a stack's resources, then applies enforcement levels, waivers (an expired waiver is a
/// violation of <c>policy-waiver-expired</c>; a waiver that matched nothing, of <c>policy-waiver-unused</c>) and the baseline.
/// </summary>
public sealed class ComplianceEvaluator(IReadOnlyList<PolicyRule> rules, TimeProvider clock)
{
    public ComplianceEvaluator(TimeProvider clock)
        : this(RuleCatalog.All, clock)
    {
    }

    public ComplianceReport Evaluate(ResourceSet resources, PolicyContext context, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(context);
        options ??= new EvaluationOptions();
        var stack = context.StackName;
        var resourceLocation = new SourceLocation(options.ResourceLocationPath ?? $"Pulumi.{stack}.yaml", 1);
        var waivers = options.Waivers.Waivers.Where(w => w.ConcernsStack(stack)).ToList();
        var used = new HashSet<Waiver>();
        var evaluated = new List<EvaluatedRule>();
        var violations = new List<Violation>();

        var active = rules
            .Select(rule => (Rule: rule, Level: options.Enforcement.LevelFor(rule, stack)))
            .Where(r => r.Level != EnforcementLevel.Disabled)
            .ToList();

        // Rules are pure functions of a read-only resource set: they run in parallel; results keep the catalog's order.
        // Parallel.For hands out rules as threads free up: PLINQ over a list splits it into fixed ranges, and the
        // heaviest rules (stack-wide, governance) sit together at the end of the catalog, on one thread.
        var findings = new List<RuleFinding>[active.Count];
        Parallel.For(0, active.Count, i => findings[i] = Run(active[i].Rule, resources, context));

        for (var i = 0; i < active.Count; i++)
        {
            var (rule, level) = active[i];
            evaluated.Add(new EvaluatedRule(rule.Descriptor, level));
            foreach (var finding in findings[i])
            {
                var waiver = waivers.FirstOrDefault(w => w.RuleId == rule.Id && !w.IsExpiredOn(context.Today) && w.Matches(finding.Urn));
                if (waiver is not null)
                {
                    used.Add(waiver);
                }

                violations.Add(new Violation(rule.Id, rule.Title, rule.Severity, level, stack, finding.Urn, finding.ResourceType,
                    finding.Message, resourceLocation,
                    waiver is null ? null : new AppliedWaiver(waiver.Resource, waiver.Justification, waiver.Approver, waiver.Expires),
                    options.Baseline.Contains(stack, finding.Urn, rule.Id)));
            }
        }

        violations.AddRange(WaiverViolations(waivers, used, evaluated, context, options.Baseline));
        var ordered = violations
            .OrderBy(v => v.Outcome)
            .ThenByDescending(v => v.Severity)
            .ThenBy(v => v.RuleId, StringComparer.Ordinal)
            .ThenBy(v => v.Urn, StringComparer.Ordinal)
            .ToList();
        return new ComplianceReport(stack, context.Environment, clock.GetUtcNow(), resources.Count, evaluated, ordered);
    }

    /// <summary>
    /// A rule that throws on unexpected data must not hide the other rules' results: its failure becomes a finding
    /// on the stack, which fails the run when the rule is mandatory.
    /// </summary>
    private static List<RuleFinding> Run(PolicyRule rule, ResourceSet resources, PolicyContext context)
    {
        try
        {
            return rule.Evaluate(resources, context).ToList();
        }
#pragma warning disable CA1031 // Any exception of a rule is reported as that rule's finding.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var stackUrn = resources.FirstOrDefault(r => r.Type == "pulumi:pulumi:Stack")?.Urn ?? $"stack:{context.StackName}";
            return [new RuleFinding(rule.Id, stackUrn, "pulumi:pulumi:Stack", $"the rule could not be evaluated ({ex.GetType().Name}: {ex.Message})")];
        }
    }

    private static IEnumerable<Violation> WaiverViolations(List<Waiver> waivers, HashSet<Waiver> used, List<EvaluatedRule> evaluated,
        PolicyContext context, ComplianceBaseline baseline)
    {
        foreach (var waiver in waivers)
        {
            var expired = waiver.IsExpiredOn(context.Today);
            if (!expired && used.Contains(waiver))
            {
                continue;
            }

            var ruleId = expired ? ExpiredWaiverRule.Code : UnusedWaiverRule.Code;
            if (evaluated.FirstOrDefault(e => e.Rule.Id == ruleId) is not { } meta)
            {
                continue;
            }

            var expiry = waiver.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var message = expired
                ? $"the waiver of {waiver.RuleId} approved by {waiver.Approver} expired on {expiry}"
                : $"the waiver of {waiver.RuleId} (approved by {waiver.Approver}, until {expiry}) matched no violation in stack {context.StackName}";
            yield return new Violation(ruleId, meta.Rule.Title, meta.Rule.Severity, meta.Enforcement, context.StackName, waiver.Resource,
                "waiver", message, new SourceLocation(waiver.File, waiver.Line), null,
                baseline.Contains(context.StackName, waiver.Resource, ruleId));
        }
    }
}
