using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// A cluster declared as a member of a global cluster is still one. The component ignores
/// globalClusterIdentifier after creation (a switchover changes it), so a cluster that a manual
/// failover or detach took out of its global cluster shows only in the global cluster's members
/// (<c>globalClusterMembers[].dbClusterArn</c>, an output refreshed from AWS).
/// Flags: a cluster with <c>globalClusterIdentifier: "ledger-db-production"</c> whose ARN is not among that global cluster's members.
/// </summary>
public sealed class RdsDetachedFromGlobalClusterRule : PolicyRule
{
    public const string Code = "aws-rds-cluster-detached-from-global";

    public override string Id => Code;

    public override string Title => "Clusters stay members of their global cluster";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsCluster, TypeTokens.RdsGlobalCluster];

    public override string Rationale => "A detached cluster no longer receives the writes: the region switch would promote stale data, or the writer runs without a replica.";

    public override string Remediation => "Re-add the cluster to its global cluster (aws rds create-db-cluster ... --global-cluster-identifier, a new secondary), or record the detach-and-promote in the stack config (docs/dr.md).";

    public override IReadOnlyList<string> Frameworks { get; } = ["DORA Art. 12", "ISO 27001 A.8.14"];

    public override IEnumerable<RuleFinding> Evaluate(ResourceSet resources, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(context);
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var global in resources.OfType(TypeTokens.RdsGlobalCluster))
        {
            var listed = global.Property("globalClusterMembers");
            // Only a refreshed or applied state knows the members; a preview does not.
            if (global.Property("globalClusterIdentifier").AsString() is { } id && listed.IsPresent && !listed.IsUnknown)
            {
                members[id] = [.. listed.Items.Select(m => m["dbClusterArn"].AsString()).OfType<string>()];
            }
        }
        foreach (var cluster in resources.OfType(TypeTokens.RdsCluster))
        {
            if (cluster.Property("globalClusterIdentifier").AsString() is { Length: > 0 } id
                && members.TryGetValue(id, out var arns)
                && cluster.Property("arn").AsString() is { } arn
                && !arns.Contains(arn))
            {
                yield return Finding(cluster, $"declared in global cluster '{id}' but not among its members: detached (a manual failover or detach?)", "globalClusterIdentifier");
            }
        }
    }
}
