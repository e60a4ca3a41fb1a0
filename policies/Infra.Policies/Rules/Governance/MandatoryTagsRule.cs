using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Governance;

/// <summary>
/// Every taggable AWS resource carries the mandatory tags, and its environment tag names the stack's environment.
/// Flags: <c>tags: { service: "ledger", team: "core-banking" }</c> (no environment, cost-center, data-classification, managed-by).
/// Provider default tags count: they appear in <c>tagsAll</c>.
/// </summary>
public sealed class MandatoryTagsRule : PolicyRule
{
    public const string Code = "governance-mandatory-tags";

    public override string Id => Code;

    public override string Title => "Resources carry the mandatory tags";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = ["aws:*"];

    public override string Rationale => "Tags tie every resource to a service, an owner team, a cost centre and a data classification: the asset inventory regulators ask for.";

    public override string Remediation => "Set the provider's defaultTags (environment, cost-center, managed-by) and the component's tags (service, team, data-classification).";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.5.9", "ISO 27001 A.5.12", "DORA Art. 8"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (!Taggable.Is(resource) || resource.Outputs["tagsAll"].IsUnknown || resource.Inputs["tagsAll"].IsUnknown || resource.Inputs["tags"].IsUnknown)
        {
            yield break;
        }

        var sources = Tags.Sources(resource);
        var groupTags = resource.Type == TypeTokens.AutoscalingGroup ? Tags.Of(resource) : null; // once, not once per tag
        List<string>? missing = null;
        foreach (var tag in context.MandatoryTags)
        {
            var value = groupTags is null ? Tags.Get(resource, sources, tag) : groupTags.GetValueOrDefault(tag);
            if (value is not { Length: > 0 } && !Tags.IsUnknown(sources, tag))
            {
                (missing ??= []).Add(tag);
            }
        }

        if (missing is not null)
        {
            yield return new PropertyIssue("tags", $"missing tag(s): {string.Join(", ", missing)}");
        }

        var expected = context.IsProduction ? "production" : "staging";
        if (Tags.Get(resource, sources, "environment") is { Length: > 0 } environment && environment != expected)
        {
            yield return new PropertyIssue("tags.environment", $"tag environment is '{environment}' in stack {context.StackName}; expected '{expected}'");
        }
    }
}
