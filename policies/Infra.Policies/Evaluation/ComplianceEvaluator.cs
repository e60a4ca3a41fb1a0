using Infra.Policies.Enforcement;
using Infra.Policies.Model;
using Infra.Policies.Rules;
using Infra.Policies.Rules.Waivers;

namespace Infra.Policies.Evaluation;

/// <summary>
/// Runs the rules over a stack's resources at their enforcement levels (through the <see cref="RuleRunner"/> the policy
/// pack uses too), then applies waivers (an expired waiver is a violation of <c>policy-waiver-expired</c>; a waiver
/// that matched nothing, of <c>policy-waiver-unused</c>) and the baseline.
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

        // The shared runner runs the rules in parallel; results keep the catalog's order. A rule that throws is a finding on the stack.
        var stackUrn = resources.FirstOrDefault(r => r.Type == "pulumi:pulumi:Stack")?.Urn ?? $"stack:{stack}";
        var runner = new RuleRunner(resources, context, new RuleSubject(stackUrn, "pulumi:pulumi:Stack"));
        foreach (var run in runner.RunAll(RuleRunner.Enforce(rules, rule => options.Enforcement.LevelFor(rule, stack))))
        {
            var (rule, level) = (run.Rule, run.Level);
            evaluated.Add(new EvaluatedRule(rule.Descriptor, level));
            foreach (var finding in run.Findings)
            {
                var waiver = waivers.FirstOrDefault(w => w.RuleId == rule.Id && !w.IsExpiredOn(context.Today) && w.Matches(finding.Urn));
                if (waiver is not null)
                {
                    used.Add(waiver);
                }

                var location = options.Sources?.Locate(resources.FindByUrn(finding.Urn), finding.PropertyPath, resources) ?? resourceLocation;
                violations.Add(new Violation(rule.Id, rule.Title, rule.Severity, level, stack, finding.Urn, finding.ResourceType,
                    finding.Message, location,
                    waiver is null ? null : new AppliedWaiver(waiver.Resource, waiver.Justification, waiver.Approver, waiver.Expires),
                    options.Baseline.Contains(stack, finding.Urn, rule.Id)) { PropertyPath = finding.PropertyPath });
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
