using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Network;

/// <summary>
/// No egress to 0.0.0.0/0, ::/0 or any other range with internet addresses: servers reach AWS through
/// VPC endpoints, platform services by security group or prefix list, and the internet only through
/// the egress proxy.
/// Flags: <c>aws.vpc.SecurityGroupEgressRule { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }</c>.
/// </summary>
public sealed class SecurityGroupNoInternetEgressRule : PolicyRule
{
    public const string Code = "aws-ec2-securitygroup-no-internet-egress";

    public override string Id => Code;

    public override string Title => "Security groups allow no egress to the internet";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } =
        [TypeTokens.SecurityGroup, TypeTokens.SecurityGroupRule, TypeTokens.SecurityGroupEgressRule];

    public override string Rationale => "An open outbound path from the cardholder-data environment is an exfiltration channel; outbound traffic is limited to what is needed.";

    public override string Remediation => "Send AWS API calls to the region's VPC endpoints, platform services to their security group or prefix list, and anything else through the declared egress proxy.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 1.3.2", "PCI DSS 1.4.4", "ISO 27001 A.8.20", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        foreach (var (ports, cidrs) in Egress(resource))
        {
            foreach (var (path, cidr) in cidrs.Where(c => AddressRange.Parse(c.Cidr).IncludesPublicAddresses))
            {
                yield return new PropertyIssue(path, $"egress to {cidr} on {ports}; only the egress proxy may reach the internet");
            }
        }
    }

    /// <summary>Outbound permissions: <c>egress[]</c> of a group, a <c>type: egress</c> rule, or a vpc egress rule.</summary>
    /// <summary>Each permission's ports, and its ranges with the property path of each (<c>egress[1].cidrBlocks[0]</c>, <c>cidrIpv4</c>).</summary>
    private static IEnumerable<(string Ports, IReadOnlyList<(string Path, string Cidr)> Cidrs)> Egress(PolicyResource resource)
    {
        switch (resource.Type)
        {
            case TypeTokens.SecurityGroup:
                var items = resource.Property("egress").Items;
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    yield return (Ports(item["protocol"], item["fromPort"], item["toPort"]),
                        [.. Ingress.Ranges(item["cidrBlocks"], $"egress[{i}].cidrBlocks"), .. Ingress.Ranges(item["ipv6CidrBlocks"], $"egress[{i}].ipv6CidrBlocks")]);
                }

                break;
            case TypeTokens.SecurityGroupRule when resource.Property("type").AsString() == "egress":
                yield return (Ports(resource.Property("protocol"), resource.Property("fromPort"), resource.Property("toPort")),
                    [.. Ingress.Ranges(resource.Property("cidrBlocks"), "cidrBlocks"), .. Ingress.Ranges(resource.Property("ipv6CidrBlocks"), "ipv6CidrBlocks")]);
                break;
            case TypeTokens.SecurityGroupEgressRule:
                yield return (Ports(resource.Property("ipProtocol"), resource.Property("fromPort"), resource.Property("toPort")),
                    [.. Ingress.Ranges(resource.Property("cidrIpv4"), "cidrIpv4"), .. Ingress.Ranges(resource.Property("cidrIpv6"), "cidrIpv6")]);
                break;
        }
    }

    private static string Ports(PropertyValue protocol, PropertyValue fromPort, PropertyValue toPort) =>
        protocol.AsString() is "-1" or "all" ? "all ports"
            : fromPort.AsNumber() is { } from && toPort.AsNumber() is { } to
                ? from == to ? $"{protocol.AsString() ?? "tcp"} port {from}" : $"{protocol.AsString() ?? "tcp"} ports {from}-{to}"
                : "ports not yet known";
}
