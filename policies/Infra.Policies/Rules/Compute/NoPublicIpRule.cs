using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Compute;

/// <summary>
/// Servers get no public IP address.
/// Flags: <c>networkInterfaces: [{ associatePublicIpAddress: "true" }]</c> (a launch template takes a string) or an instance's
/// <c>associatePublicIpAddress: true</c>, and either left unset (the subnet's <c>mapPublicIpOnLaunch</c> then decides).
/// </summary>
public sealed class NoPublicIpRule : PolicyRule
{
    public const string Code = "aws-ec2-no-public-ip";

    public override string Id => Code;

    public override string Title => "Servers have no public IP address";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.LaunchTemplate, TypeTokens.Instance];

    public override string Rationale => "Servers sit in private subnets behind load balancers; a public address bypasses every network control.";

    public override string Remediation => "Set associatePublicIpAddress to false and place the server in a private subnet.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 1.4.4", "ISO 27001 A.8.20"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Type == TypeTokens.Instance)
        {
            var associate = resource.Property("associatePublicIpAddress");
            if (!associate.IsUnknown && associate.AsBoolean() != false)
            {
                yield return new PropertyIssue("associatePublicIpAddress", associate.IsPresent
                    ? $"associatePublicIpAddress is {associate}"
                    : "associatePublicIpAddress is not set: the subnet's mapPublicIpOnLaunch decides");
            }

            yield break;
        }

        var interfaces = resource.Property("networkInterfaces");
        if (interfaces.IsUnknown)
        {
            yield break;
        }

        if (interfaces.Items.Count == 0)
        {
            yield return new PropertyIssue("networkInterfaces", "no networkInterfaces: the subnet's mapPublicIpOnLaunch decides whether servers get a public IP");
        }

        for (var i = 0; i < interfaces.Items.Count; i++)
        {
            var associate = interfaces.Items[i]["associatePublicIpAddress"];
            if (!associate.IsUnknown && associate.AsBoolean() != false)
            {
                yield return new PropertyIssue($"networkInterfaces[{i}].associatePublicIpAddress", associate.IsPresent
                    ? $"networkInterfaces[{i}].associatePublicIpAddress is {associate}"
                    : $"networkInterfaces[{i}].associatePublicIpAddress is not set: the subnet's mapPublicIpOnLaunch decides");
            }
        }
    }
}
