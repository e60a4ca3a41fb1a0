using System.Collections.Concurrent;
using Infra.Policies.Model;
using Infra.Policies.Rules;

namespace Infra.Policies.Evaluation;

/// <summary>
/// The one way rules run, in the nightly evaluator (<see cref="ComplianceEvaluator"/>) and in the policy pack: each rule at
/// the enforcement level it has in the run (<see cref="Enforce"/>; a disabled rule does not run), over the resources it
/// judges, with the run's context. A rule that throws on unexpected data must not hide the other rules' results: its
/// failure becomes one finding on <paramref name="failureSubject"/>, at the rule's level (so it fails the run when the
/// rule is mandatory), and the exception is handed back in <see cref="RuleRun.Failure"/> for the caller to log.
/// </summary>
/// <param name="resourcesFor">The resources a rule judges (the policy pack shows secrets opaque to the rules that judge secrecy).</param>
public sealed class RuleRunner(Func<PolicyRule, ResourceSet> resourcesFor, PolicyContext context, RuleSubject failureSubject)
{
    public RuleRunner(ResourceSet resources, PolicyContext context, RuleSubject failureSubject)
        : this(_ => resources, context, failureSubject)
    {
    }

    /// <summary>The rules that run, in their order, each at its level; those at <see cref="EnforcementLevel.Disabled"/> are left out.</summary>
    public static IReadOnlyList<EnforcedRule> Enforce(IEnumerable<PolicyRule> rules, Func<PolicyRule, EnforcementLevel> levelOf)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(levelOf);
        return [.. rules.Select(rule => new EnforcedRule(rule, levelOf(rule))).Where(r => r.Level != EnforcementLevel.Disabled)];
    }

    /// <summary>The message of the finding that reports a rule's failure.</summary>
    public static string FailureMessage(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"the rule could not be evaluated ({exception.GetType().Name}: {exception.Message})";
    }

    public RuleRun Run(EnforcedRule enforced)
    {
        ArgumentNullException.ThrowIfNull(enforced);
        var rule = enforced.Rule;
        try
        {
            return new RuleRun(rule, enforced.Level, [.. rule.Evaluate(resourcesFor(rule), context)], null);
        }
#pragma warning disable CA1031 // Any exception of a rule is reported as that rule's finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new RuleRun(rule, enforced.Level, [new RuleFinding(rule.Id, failureSubject.Urn, failureSubject.ResourceType, FailureMessage(e))], e);
        }
    }

    /// <summary>
    /// Runs the rules in parallel (they are pure functions of a read-only resource set); the runs keep the rules' order.
    /// The rules are handed out one at a time as threads free up, those that judge the most resources first: the
    /// wildcard rules that read every resource cost the most, and Parallel.For split the catalog into fixed ranges, so
    /// the governance and stack-wide rules at its end ran one after another on one thread while the others sat idle.
    /// </summary>
    public IReadOnlyList<RuleRun> RunAll(IReadOnlyList<EnforcedRule> rules, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var runs = new RuleRun[rules.Count];
        Parallel.ForEach(Partitioner.Create(HeaviestFirst(rules), EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { CancellationToken = cancellation }, i => runs[i] = Run(rules[i]));
        return runs;
    }

    /// <summary>The positions of the rules in the order they start: most resources judged first, the catalog's order among equals.</summary>
    internal IReadOnlyList<int> HeaviestFirst(IReadOnlyList<EnforcedRule> rules) =>
        [.. Enumerable.Range(0, rules.Count).OrderByDescending(i => Judged(rules[i].Rule))];

    /// <summary>How many resources a rule judges: its cost, near enough (a rule with a wildcard type judges them all).</summary>
    private int Judged(PolicyRule rule)
    {
        var resources = resourcesFor(rule);
        return rule.ResourceTypes.Any(t => t.EndsWith('*')) ? resources.Count : rule.ResourceTypes.Sum(t => resources.OfType(t).Count);
    }
}
