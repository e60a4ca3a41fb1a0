using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Compute;

/// <summary>
/// Instance metadata answers the instance only: a PUT response hop limit of 1.
/// Flags: <c>metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 }</c>, or the limit left to the image.
/// </summary>
public sealed class ImdsHopLimitRule : PolicyRule
{
    public const string Code = "aws-ec2-imds-hop-limit-one";

    public override string Id => Code;

    public override string Title => "Instance metadata tokens do not travel beyond the instance (hop limit 1)";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.LaunchTemplate, TypeTokens.Instance];

    public override string Rationale => "With a hop limit above 1 a container or a forwarded request on the server can fetch an IMDSv2 token and the instance role's credentials.";

    public override string Remediation => "Set metadataOptions.httpPutResponseHopLimit to 1 (Amazon Linux 2023 images default to 2).";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 5.6", "PCI DSS 2.2.1", "ISO 27001 A.8.9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        const string Path = "metadataOptions.httpPutResponseHopLimit";
        var options = resource.Property("metadataOptions");
        if (options["httpEndpoint"].AsString() == "disabled")
        {
            yield break;
        }

        var limit = options["httpPutResponseHopLimit"];
        if (limit.IsUnknown)
        {
            yield break;
        }

        if (limit.AsNumber() is not { } hops)
        {
            yield return new PropertyIssue(Path, $"{Path} is not set: the image's default applies (2 on Amazon Linux 2023); expected 1");
        }
        else if (hops > 1)
        {
            yield return new PropertyIssue(Path, $"{Path} is {hops}; expected 1");
        }
    }
}
