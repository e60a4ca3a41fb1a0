using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Governance;

/// <summary>
/// The data-classification tag takes one of the bank's four levels.
/// Flags: <c>tags: { "data-classification": "secret" }</c>.
/// </summary>
public sealed class DataClassificationTagRule : PolicyRule
{
    public const string Code = "governance-data-classification-valid";

    private static readonly string[] Levels = ["public", "internal", "confidential", "restricted"];

    public override string Id => Code;

    public override string Title => "Data classification tags use the bank's levels";

    public override RuleSeverity Severity => RuleSeverity.Low;

    public override IReadOnlyList<string> ResourceTypes { get; } = ["aws:*"];

    public override string Rationale => "Controls (encryption, retention, access reviews) are chosen from the classification; an unknown level selects none.";

    public override string Remediation => "Use public, internal, confidential or restricted.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.5.12", "ISO 27001 A.5.13"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (Tags.Get(resource, "data-classification") is { Length: > 0 } level && !Levels.Contains(level))
        {
            yield return new PropertyIssue("tags.data-classification", $"data-classification is '{level}'; expected one of {string.Join(", ", Levels)}");
        }
    }
}
