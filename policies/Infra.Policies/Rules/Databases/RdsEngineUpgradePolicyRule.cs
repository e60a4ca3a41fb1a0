using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Databases;

/// <summary>
/// One owner for engine upgrades: a pinned minor version and automatic minor upgrades never go together
/// (the apply would undo AWS's upgrade, or fail on a downgrade).
/// Flags: an instance with <c>engineVersion: "16.4"</c> and <c>autoMinorVersionUpgrade</c> true or unset (default true),
/// and a cluster instance whose cluster pins a minor version in the same way.
/// </summary>
public sealed class RdsEngineUpgradePolicyRule : PolicyRule
{
    public const string Code = "aws-rds-engine-upgrade-policy";

    public override string Id => Code;

    public override string Title => "Minor versions are pinned or upgraded automatically, never both";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.RdsClusterInstance, TypeTokens.RdsInstance];

    public override string Rationale => "When AWS upgrades a minor version that the code pins, the next apply tries to downgrade it: the upgrade owner must be one.";

    public override string Remediation => "Set autoMinorVersionUpgrade to false where engineVersion names a minor version (e.g. 16.4), or give only the major version (e.g. 16).";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.8", "ISO 27001 A.8.32"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var automatic = resource.Property("autoMinorVersionUpgrade");
        if (automatic.IsUnknown || automatic.AsBoolean() == false)
        {
            yield break;
        }
        var version = resource.Type == TypeTokens.RdsInstance
            ? resource.Property("engineVersion").AsString()
            : ClusterOf(resource, resources)?.Property("engineVersion").AsString();
        if (version is not null && version.Contains('.', StringComparison.Ordinal))
        {
            yield return new PropertyIssue("autoMinorVersionUpgrade", $"engineVersion pins {version} while autoMinorVersionUpgrade is {(automatic.IsPresent ? "true" : "not set (true)")}");
        }
    }

    /// <summary>The cluster the instance joins, by the identifier it gives (the cluster's id is its identifier).</summary>
    private static PolicyResource? ClusterOf(PolicyResource instance, ResourceSet resources)
    {
        var identifier = instance.Property("clusterIdentifier").AsString();
        return identifier is null
            ? null
            : resources.OfType(TypeTokens.RdsCluster).FirstOrDefault(c => c.Id == identifier || c.Property("clusterIdentifier").AsString() == identifier);
    }
}
