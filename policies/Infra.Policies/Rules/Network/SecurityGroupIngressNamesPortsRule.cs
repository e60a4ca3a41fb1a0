using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Network;

/// <summary>
/// Inbound permissions name their protocol and ports, whoever the source is: no all-traffic ingress.
/// Flags: <c>aws.vpc.SecurityGroupIngressRule { ipProtocol: "-1", referencedSecurityGroupId: "sg-..." }</c>, or tcp 0-65535.
/// </summary>
public sealed class SecurityGroupIngressNamesPortsRule : PolicyRule
{
    public const string Code = "aws-ec2-securitygroup-ingress-names-its-ports";

    public override string Id => Code;

    public override string Title => "No security group accepts all protocols or all ports";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } =
        [TypeTokens.SecurityGroup, TypeTokens.SecurityGroupRule, TypeTokens.SecurityGroupIngressRule];

    public override string Rationale => "Only the ports a service needs may be reachable, also from inside the VPC: an all-ports rule lets a compromised neighbour reach every admin and debug port.";

    public override string Remediation => "Replace the rule by one rule per port the service listens on (ipProtocol tcp or udp, fromPort and toPort).";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 1.2.5", "PCI DSS 1.3.1", "ISO 27001 A.8.22"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        foreach (var ingress in Ingress.Of(resource).Where(i => i.AllPorts))
        {
            var property = ingress.Protocol is "-1" or "all" ? "protocol" : "fromPort";
            var path = ingress.Path.Length > 0 ? $"{ingress.Path}.{property}"
                : resource.Type == TypeTokens.SecurityGroupIngressRule && property == "protocol" ? "ipProtocol" : property;
            yield return new PropertyIssue(path, ingress.Protocol is "-1" or "all"
                ? "the permission accepts every protocol and port"
                : $"the permission accepts every {ingress.Protocol} port (0-65535)");
        }
    }
}
