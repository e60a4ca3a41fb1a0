using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Account;

/// <summary>
/// AWS Config records every supported resource type.
/// Flags: <c>recordingGroup: { allSupported: false, resourceTypes: ["AWS::EC2::Instance"] }</c>.
/// </summary>
public sealed class ConfigRecorderRule : PolicyRule
{
    public const string Code = "aws-config-records-all-resources";

    public override string Id => Code;

    public override string Title => "AWS Config records every supported resource type";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.ConfigRecorder];

    public override string Rationale => "The configuration history is how the bank shows auditors what its estate looked like on a given day; a type left out has no history.";

    public override string Remediation => "Set recordingGroup.allSupported to true (global resource types in one region).";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 3.3", "PCI DSS 11.5.1", "ISO 27001 A.8.9", "DORA Art. 8"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var all = resource.Property("recordingGroup")["allSupported"];
        if (!all.IsUnknown && all.AsBoolean() == false)
        {
            yield return new PropertyIssue("recordingGroup.allSupported", "recordingGroup.allSupported is false: only the listed resource types are recorded");
        }
    }
}
