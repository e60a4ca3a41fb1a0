using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.StackWide;

/// <summary>
/// Every production Aurora cluster belongs to a global cluster that spans at least two regions.
/// Flags: a production <c>aws.rds.Cluster</c> without <c>globalClusterIdentifier</c>, or a global cluster whose member clusters all run in eu-west-3.
/// </summary>
public sealed class ProductionDatabaseSecondaryRegionRule : PolicyRule
{
    public const string Code = "stack-production-database-secondary-region";

    public override string Id => Code;

    public override string Title => "Every production database has a secondary region";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsCluster, TypeTokens.RdsGlobalCluster];

    public override string Rationale => "Losing a data centre happens about twice a year; the quarterly region switch needs a replica in the other region.";

    public override string Remediation => "Attach the cluster to an aws.rds.GlobalCluster (globalClusterIdentifier) with a secondary cluster in the secondary region.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.14", "DORA Art. 12", "PCI DSS 12.10.1"];

    public override IEnumerable<RuleFinding> Evaluate(ResourceSet resources, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsProduction)
        {
            yield break;
        }

        var clusters = resources.OfType(TypeTokens.RdsCluster);
        var byGlobal = clusters
            .Where(c => c.Property("globalClusterIdentifier").AsString() is { Length: > 0 })
            .GroupBy(c => c.Property("globalClusterIdentifier").AsString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        foreach (var cluster in clusters)
        {
            var global = cluster.Property("globalClusterIdentifier");
            if (global.IsUnknown)
            {
                continue;
            }

            if (global.AsString() is not { Length: > 0 } id)
            {
                yield return Finding(cluster, "not part of a global cluster (globalClusterIdentifier is not set): no secondary region");
                continue;
            }

            var regions = byGlobal[id].Select(c => Regions.Of(c, resources)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (regions.Count < 2)
            {
                yield return Finding(cluster, $"global cluster '{id}' has clusters in {(regions.Count == 0 ? "no known region" : regions[0] + " only")}; a second region is required");
            }
        }

        foreach (var global in resources.OfType(TypeTokens.RdsGlobalCluster))
        {
            var id = global.Property("globalClusterIdentifier").AsString();
            if (id is not null && !byGlobal.ContainsKey(id) && !global.Property("globalClusterIdentifier").IsUnknown)
            {
                yield return Finding(global, $"global cluster '{id}' has no member cluster in this stack");
            }
        }
    }
}
