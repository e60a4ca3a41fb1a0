using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Monitoring;

/// <summary>
/// Every production service (a target group tagged with its <c>service</c>) has SLO alarms that page
/// with an action, for both its availability and its latency SLO: an alarm tagged with the service,
/// <c>slo</c> and <c>severity: page</c>, whose <c>alarmActions</c> is not empty and whose actions are enabled.
/// Flags: a production <c>aws.lb.TargetGroup</c> tagged <c>service: ledger</c> with no such alarm, or
/// only one whose <c>alarmActions</c> is empty or whose <c>actionsEnabled</c> is false.
/// </summary>
public sealed class ProductionServicePagingRule : PolicyRule
{
    public const string Code = "monitoring-production-service-pages-on-slos";

    /// <summary>The SLOs every service has (docs/slos.md).</summary>
    public static IReadOnlyList<string> Slos { get; } = ["availability", "latency"];

    public override string Id => Code;

    public override string Title => "Every production service pages on its SLOs";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.LbTargetGroup, TypeTokens.MetricAlarm, TypeTokens.CompositeAlarm];

    public override string Rationale => "Regulators require high availability and proof of control: a production service whose error budget can burn without waking anyone is neither.";

    public override string Remediation => "Declare the service in the stack file: the stack creates its SLO composite alarms (severity page) with its team's alert topic as action (docs/slos.md).";

    public override IReadOnlyList<string> Frameworks { get; } = ["DORA Art. 10", "ISO 27001 A.8.16"];

    public override IEnumerable<RuleFinding> Evaluate(ResourceSet resources, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsProduction)
        {
            yield break;
        }
        var alarms = resources.OfType(TypeTokens.MetricAlarm).Concat(resources.OfType(TypeTokens.CompositeAlarm)).ToList();
        if (alarms.Any(a => Tags.IsUnknown(Tags.Sources(a), "service") || a.Property("alarmActions").IsUnknown || a.Property("actionsEnabled").IsUnknown))
        {
            yield break;
        }
        foreach (var targetGroup in resources.OfType(TypeTokens.LbTargetGroup))
        {
            if (Tags.IsUnknown(Tags.Sources(targetGroup), "service") || Tags.Get(targetGroup, "service") is not { Length: > 0 } service)
            {
                continue;
            }
            var paging = alarms.Where(a => Tags.Get(a, "service") == service && Tags.Get(a, "severity") == "page").ToList();
            var missing = Slos.Where(slo => !paging.Any(a => Tags.Get(a, "slo") == slo && Pages(a))).ToList();
            if (missing.Count > 0)
            {
                yield return Finding(targetGroup, $"service '{service}' has no paging alarm with an enabled action for its {string.Join(" and ", missing)} SLO");
            }
        }
    }

    /// <summary>An alarm pages when it has an action and its actions are not switched off (<c>actionsEnabled: false</c>).</summary>
    private static bool Pages(PolicyResource alarm) =>
        alarm.Property("alarmActions").Items.Count > 0 && alarm.Property("actionsEnabled").AsBoolean() != false;
}
