using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vpn;

/// <summary>
/// Client VPN authorization rules admit one directory group, never every user.
/// Flags: <c>new aws.ec2clientvpn.AuthorizationRule("all", { clientVpnEndpointId, targetNetworkCidr: "10.60.0.0/16", authorizeAllGroups: true })</c>.
/// </summary>
public sealed class ClientVpnAuthorizationByGroupRule : PolicyRule
{
    public const string Code = "aws-clientvpn-authorization-by-group";

    public override string Id => Code;

    public override string Title => "Client VPN authorization rules are limited to a group";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.ClientVpnAuthorizationRule];

    public override string Rationale => "Authorizing all groups lets anyone who can sign in reach the network, a leaver's still active account included; access follows the team.";

    public override string Remediation => "Set accessGroupId to the directory group of the team that needs the network, and authorizeAllGroups to false.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 7.2.1", "PCI DSS 8.2.2", "ISO 27001 A.5.15", "ISO 27001 A.5.18", "ISO 27001 A.8.5"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var network = resource.Property("targetNetworkCidr");
        if (resource.Property("authorizeAllGroups").AsBoolean() == true)
        {
            yield return new PropertyIssue("authorizeAllGroups", $"authorizeAllGroups is true: every VPN user reaches {network}");
        }
        else if (resource.Property("accessGroupId") is { IsUnknown: false } group && group.AsString() is not { Length: > 0 })
        {
            yield return new PropertyIssue("accessGroupId", $"accessGroupId is not set: no group limits who reaches {network}");
        }
    }
}
