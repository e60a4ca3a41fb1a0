using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Governance;

/// <summary>
/// Everything runs in EU regions: AWS providers, resources with their own <c>region</c> (provider v7) and availability zones.
/// Flags: <c>new aws.Provider("us", { region: "us-east-1" })</c>, or <c>region: "eu-west-2"</c> (London is not in the EU).
/// </summary>
public sealed class EuRegionsOnlyRule : PolicyRule
{
    public const string Code = "governance-eu-regions-only";

    public override string Id => Code;

    public override string Title => "Resources run in EU regions only";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = ["aws:*", TypeTokens.AwsProvider];

    public override string Rationale => "Customer data stays in the EU (GDPR, the regulator's outsourcing guidelines); the region pair is Paris and Ireland.";

    public override string Remediation => "Use an EU region (eu-west-3, eu-west-1, eu-central-1, ...) for the provider and the resource.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.5.34", "DORA Art. 28"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("region").AsString() is { Length: > 0 } region && !context.AllowedRegions.Contains(region))
        {
            yield return new PropertyIssue("region", $"region '{region}' is not an allowed EU region");
        }

        if (resource.Property("availabilityZone").AsString() is { Length: > 1 } zone
            && !context.AllowedRegions.Contains(zone[..^1]))
        {
            yield return new PropertyIssue("availabilityZone", $"availabilityZone '{zone}' is not in an allowed EU region");
        }
    }
}
