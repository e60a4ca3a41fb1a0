using System.Globalization;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Messaging;

/// <summary>
/// Topics that delete old messages keep them for a bounded time (at most a year), and compacted topics
/// that never delete state how long they keep tombstones, the only way a key is erased from them.
/// Flags: <c>config: { "retention.ms": "-1" }</c> on a topic with <c>cleanup.policy: "delete"</c>, and
/// <c>config: { "cleanup.policy": "compact" }</c> without <c>delete.retention.ms</c>. A delete topic
/// without <c>retention.ms</c> keeps Kafka's default of 7 days (staging leaves Kafka's defaults out).
/// </summary>
public sealed class KafkaBoundedRetentionRule : PolicyRule
{
    public const string Code = "kafka-topic-bounded-retention";

    public const long MaximumRetentionMs = 365L * 24 * 3600 * 1000;

    public override string Id => Code;

    public override string Title => "Topics have a bounded retention";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.KafkaTopic];

    public override string Rationale => "Personal data may be kept no longer than needed (GDPR), and unbounded topics fill the brokers' disks.";

    public override string Remediation => "Set config[\"retention.ms\"] to the catalog's retentionHours in milliseconds (at most 8760 hours); "
        + "a compacted topic without retentionHours states delete.retention.ms (and, if restricted, its erasure process in the catalog).";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.5.34", "PCI DSS 3.2.1"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var config = resource.Property("config");
        if (config["cleanup.policy"].IsUnknown || config["retention.ms"].IsUnknown)
        {
            yield break;
        }

        var cleanup = config["cleanup.policy"].AsString() ?? "delete";
        if (!cleanup.Contains("delete", StringComparison.Ordinal))
        {
            // Compacted for ever: a key is erased only by a tombstone, and tombstones live delete.retention.ms.
            var tombstones = config["delete.retention.ms"];
            if (tombstones.IsUnknown)
            {
                yield break;
            }
            if (!tombstones.IsPresent)
            {
                yield return new PropertyIssue("config.delete.retention.ms", "cleanup.policy is compact and delete.retention.ms is not set: every key is kept for ever and erasure rests on tombstones whose retention nobody stated");
            }
            else if (tombstones.AsNumber() is not { } tombstoneMs || tombstoneMs < 0 || tombstoneMs > MaximumRetentionMs)
            {
                yield return new PropertyIssue("config.delete.retention.ms", string.Create(CultureInfo.InvariantCulture, $"delete.retention.ms is {tombstones}; expected between 0 and {MaximumRetentionMs} (365 days)"));
            }
            yield break;
        }

        var retention = config["retention.ms"];
        if (!retention.IsPresent)
        {
            yield break;
        }
        if (retention.AsNumber() is not { } ms || ms < 0 || ms > MaximumRetentionMs)
        {
            yield return new PropertyIssue("config.retention.ms", string.Create(CultureInfo.InvariantCulture, $"retention.ms is {retention}; expected between 0 and {MaximumRetentionMs} (365 days)"));
        }
    }
}
