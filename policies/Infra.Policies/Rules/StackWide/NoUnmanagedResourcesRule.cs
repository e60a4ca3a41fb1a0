using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.StackWide;

/// <summary>
/// Every cloud resource is created by one of the managed components: no custom resource hangs directly off the stack.
/// Flags: <c>new aws.s3.Bucket("scratch")</c> in Program.cs, whose parent is <c>pulumi:pulumi:Stack</c>.
/// </summary>
public sealed class NoUnmanagedResourcesRule : PolicyRule
{
    public const string Code = "stack-no-resource-outside-components";

    public override string Id => Code;

    public override string Title => "No resource outside the managed components";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = ["*"];

    public override string Rationale => "Components carry the reviewed decisions (tags, encryption, zones); a loose resource escapes them.";

    public override string Remediation => "Create the resource inside a component (Parent = this) or add it to a blueprint.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.9", "DORA Art. 8"];

    protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (!resource.Custom || resource.Type.StartsWith("pulumi:", StringComparison.Ordinal) || resource.Parent is null)
        {
            yield break;
        }

        if (IsStackUrn(resource.Parent) || resources.FindByUrn(resource.Parent)?.Type == TypeTokens.Stack)
        {
            yield return "its parent is the stack itself, not a managed component";
        }
    }

    /// <summary>Whether the URN's type, just before <c>::NAME</c>, is the stack's: on spans, since this runs for every resource.</summary>
    private static bool IsStackUrn(string urn)
    {
        var name = urn.LastIndexOf("::", StringComparison.Ordinal);
        return name >= 0 && urn.AsSpan(0, name).EndsWith(TypeTokens.Stack, StringComparison.Ordinal);
    }
}
