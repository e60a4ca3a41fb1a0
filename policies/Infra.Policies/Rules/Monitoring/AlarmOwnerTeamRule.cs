using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Monitoring;

/// <summary>
/// Every CloudWatch alarm names its owner team in a <c>team</c> tag.
/// Flags: <c>new aws.cloudwatch.MetricAlarm("ledger-5xx", { ..., tags: { service: "ledger" } })</c> (no team).
/// </summary>
public sealed class AlarmOwnerTeamRule : PolicyRule
{
    public const string Code = "monitoring-alarm-owner-team";

    public override string Id => Code;

    public override string Title => "Every alarm has an owner team";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.MetricAlarm, TypeTokens.CompositeAlarm];

    public override string Rationale => "An alarm nobody owns is an alarm nobody answers: the team tag routes it and tells the incident review whose it was.";

    public override string Remediation => "Create alarms from the monitoring blueprint (components/Infra.Blueprints/Monitoring), which tags each with the team of the service or database it watches.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.5.2", "DORA Art. 10"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var sources = Tags.Sources(resource);
        if (Tags.IsUnknown(sources, "team"))
        {
            yield break;
        }
        if (Tags.Get(resource, sources, "team") is not { Length: > 0 })
        {
            yield return new PropertyIssue("tags.team", "has no team tag: nobody owns this alarm");
        }
    }
}
