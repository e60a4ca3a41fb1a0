using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Compute;

/// <summary>
/// Launch templates and instances require IMDSv2 session tokens.
/// Flags: <c>metadataOptions: { httpTokens: "optional" }</c> or no <c>metadataOptions</c>.
/// </summary>
public sealed class ImdsV2RequiredRule : PolicyRule
{
    public const string Code = "aws-ec2-imdsv2-required";

    public override string Id => Code;

    public override string Title => "EC2 instance metadata requires IMDSv2";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.LaunchTemplate, TypeTokens.Instance];

    public override string Rationale => "IMDSv1 lets a server-side request forgery read the instance role's credentials.";

    public override string Remediation => "Set metadataOptions.httpTokens to \"required\" (and httpEndpoint \"enabled\").";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 5.6", "PCI DSS 2.2.1", "ISO 27001 A.8.9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var options = resource.Property("metadataOptions");
        if (options["httpEndpoint"].AsString() == "disabled")
        {
            yield break;
        }

        var tokens = options["httpTokens"];
        if (tokens.IsUnknown)
        {
            yield break;
        }

        if (tokens.AsString() != "required")
        {
            yield return new PropertyIssue("metadataOptions.httpTokens", $"metadataOptions.httpTokens is {(tokens.IsPresent ? $"'{tokens}'" : "not set")}; expected 'required'");
        }
    }
}
