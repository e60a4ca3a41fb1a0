using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Messaging;

/// <summary>
/// Production topics state <c>unclean.leader.election.enable=false</c>, so no broker-wide setting can let an
/// out-of-sync replica lead. Flags: <c>config: { "unclean.leader.election.enable": "true" }</c> on any stack, and a
/// production topic that leaves the key unset.
/// </summary>
public sealed class KafkaUncleanLeaderElectionRule : PolicyRule
{
    public const string Code = "kafka-topic-no-unclean-leader-election";

    private const string Key = "unclean.leader.election.enable";

    public override string Id => Code;

    public override string Title => "Topics never elect an out-of-sync leader";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.KafkaTopic];

    public override string Rationale => "An out-of-sync replica that becomes leader drops every write the old leader had acknowledged; "
        + "left unset, the topic follows the brokers' setting, which a cluster configuration can turn on.";

    public override string Remediation => "Set config[\"unclean.leader.election.enable\"] to \"false\" (the topic blueprint writes it on every production topic).";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.14", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var value = resource.Property("config")[Key];
        if (value.IsUnknown)
        {
            yield break;
        }
        var text = value.IsPresent ? value.AsString() ?? value.ToString() : null;
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            yield return new PropertyIssue($"config.{Key}", $"{Key} is true: an out-of-sync replica may become leader and lose acknowledged writes; expected false");
        }
        else if (context.IsProduction && text is null)
        {
            yield return new PropertyIssue($"config.{Key}", $"{Key} is not set, so the brokers' setting decides; production topics state false");
        }
    }
}
