using System.Globalization;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Messaging;

/// <summary>
/// Production topics need 2 in-sync replicas to acknowledge a write, fewer than the replication factor.
/// Flags: <c>config: { "min.insync.replicas": "1" }</c> (or unset: the broker default is 1) in production.
/// </summary>
public sealed class KafkaMinInSyncReplicasRule : PolicyRule
{
    public const string Code = "kafka-topic-min-insync-replicas";

    public override string Id => Code;

    public override string Title => "Production topics require at least 2 in-sync replicas";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.KafkaTopic];

    public override string Rationale => "With acks=all, min.insync.replicas=2 keeps every acknowledged message on two brokers; equal to the replication factor, one broker down stops producers.";

    public override string Remediation => "Set config[\"min.insync.replicas\"] to \"2\" with replicationFactor 3.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.14", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (!context.IsProduction)
        {
            yield break;
        }

        var value = resource.Property("config")["min.insync.replicas"];
        if (value.IsUnknown)
        {
            yield break;
        }

        var minimum = value.AsNumber() ?? 1;
        var factor = resource.Property("replicationFactor").AsNumber();
        if (minimum < 2)
        {
            yield return new PropertyIssue("config.min.insync.replicas", $"min.insync.replicas is {(value.IsPresent ? value.ToString() : "not set (broker default 1)")}; production requires at least 2");
        }
        else if (factor is { } f && minimum >= f)
        {
            yield return new PropertyIssue("config.min.insync.replicas", string.Create(CultureInfo.InvariantCulture, $"min.insync.replicas {minimum} is not below the replication factor {f}; one broker down would stop producers"));
        }
    }
}
