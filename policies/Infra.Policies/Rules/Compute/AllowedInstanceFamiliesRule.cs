using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Compute;

/// <summary>
/// Servers and databases use the allowed instance families only.
/// Flags: <c>instanceType: "m5.large"</c> or <c>instanceClass: "db.r5.large"</c>.
/// </summary>
public sealed class AllowedInstanceFamiliesRule : PolicyRule
{
    public const string Code = "governance-allowed-instance-families";

    public override string Id => Code;

    public override string Title => "Instances use the allowed families";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } =
        [TypeTokens.LaunchTemplate, TypeTokens.Instance, TypeTokens.RdsClusterInstance, TypeTokens.RdsInstance];

    public override string Rationale => "Images are built and load-tested for a few current families; capacity plans (N+1) assume their performance.";

    public override string Remediation => "Pick a type of an allowed family (m7i, m7g, c7i, c7g, r7i, r7g, t4g) or extend the list after a load test.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.9", "DORA Art. 7"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var property = resource.Type is TypeTokens.RdsClusterInstance or TypeTokens.RdsInstance ? "instanceClass" : "instanceType";
        if (resource.Property(property).AsString() is not { Length: > 0 } type)
        {
            yield break;
        }

        var family = FamilyOf(type);
        if (!context.AllowedInstanceFamilies.Contains(family))
        {
            yield return new PropertyIssue(property, $"{property} '{type}' is of family '{family}'; allowed: {string.Join(", ", context.AllowedInstanceFamilies.Order(StringComparer.Ordinal))}");
        }
    }

    /// <summary><c>m7i.large</c> → <c>m7i</c>; <c>db.r7g.2xlarge</c> → <c>r7g</c>.</summary>
    internal static string FamilyOf(string type)
    {
        var name = type.StartsWith("db.", StringComparison.Ordinal) ? type[3..] : type;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[..dot];
    }
}
