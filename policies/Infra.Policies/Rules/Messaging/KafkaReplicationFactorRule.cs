using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Messaging;

/// <summary>
/// Production topics keep three replicas.
/// Flags: <c>new kafka.Topic("payments.transfer.initiated.v1", { partitions: 12, replicationFactor: 1 })</c> in production.
/// </summary>
public sealed class KafkaReplicationFactorRule : PolicyRule
{
    public const string Code = "kafka-topic-replication-factor";

    public const int ProductionMinimum = 3;

    public override string Id => Code;

    public override string Title => "Production topics have a replication factor of at least 3";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.KafkaTopic];

    public override string Rationale => "With fewer than three replicas, one broker restart during maintenance risks losing acknowledged payments.";

    public override string Remediation => "Set replicationFactor to 3 (the catalog's default).";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.14", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (context.IsProduction && resource.Property("replicationFactor").AsNumber() is < ProductionMinimum and var factor)
        {
            yield return new PropertyIssue("replicationFactor", $"replicationFactor is {factor}; production requires at least {ProductionMinimum}");
        }
    }
}
