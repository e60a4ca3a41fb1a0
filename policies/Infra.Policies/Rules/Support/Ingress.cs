using Infra.Policies.Model;

namespace Infra.Policies.Rules.Support;

/// <summary>
/// One inbound permission, from a security group's <c>ingress[]</c> or a standalone rule resource, with the property path of the
/// permission (<c>ingress[2]</c>, or empty for a rule resource) and of each source range (<c>ingress[2].cidrBlocks[0]</c>).
/// </summary>
internal sealed record Ingress(string Path, string Protocol, int FromPort, int ToPort, IReadOnlyList<(string Path, string Cidr)> Sources, string? SecurityGroupId)
{
    public bool AllPorts => Protocol is "-1" or "all" || (HasPorts && FromPort <= 0 && ToPort is 0 or -1 or >= 65535);

    /// <summary>ICMP has message types and codes where TCP and UDP have ports (<c>fromPort: -1</c> is every type): it opens no port.</summary>
    public bool HasPorts => Protocol is not ("icmp" or "icmpv6" or "1" or "58");

    /// <summary>The sources with an internet address in their range (<c>0.0.0.0/0</c>, <c>0.0.0.0/1</c>, <c>2000::/3</c>, or text that is no CIDR).</summary>
    public IEnumerable<(string Path, string Cidr)> PublicSources => Sources.Where(s => AddressRange.Parse(s.Cidr).IncludesPublicAddresses);

    public bool Covers(int port) => AllPorts || (HasPorts && FromPort <= port && port <= ToPort);

    public bool IsOnly(int port) => !AllPorts && HasPorts && FromPort == port && ToPort == port;

    public string Ports => AllPorts ? "all ports" : !HasPorts ? $"{Protocol} (no port)" : FromPort == ToPort ? $"port {FromPort}" : $"ports {FromPort}-{ToPort}";

    /// <summary>Ingress of <c>aws:ec2/securityGroup</c> (<c>ingress[]</c>), <c>aws:ec2/securityGroupRule</c> (<c>type: ingress</c>) and <c>aws:vpc/securityGroupIngressRule</c>.</summary>
    public static IEnumerable<Ingress> Of(PolicyResource resource)
    {
        switch (resource.Type)
        {
            case TypeTokens.SecurityGroup:
                var items = resource.Property("ingress").Items;
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    if (IsUndecided(item["protocol"], item["fromPort"], item["toPort"]))
                    {
                        continue;
                    }

                    yield return new Ingress(
                        $"ingress[{i}]",
                        item["protocol"].AsString() ?? "tcp",
                        (int)(item["fromPort"].AsNumber() ?? 0),
                        (int)(item["toPort"].AsNumber() ?? 0),
                        [.. Ranges(item["cidrBlocks"], $"ingress[{i}].cidrBlocks"), .. Ranges(item["ipv6CidrBlocks"], $"ingress[{i}].ipv6CidrBlocks")],
                        resource.Id);
                }

                break;
            case TypeTokens.SecurityGroupRule when resource.Property("type").AsString() == "ingress"
                && !IsUndecided(resource.Property("protocol"), resource.Property("fromPort"), resource.Property("toPort")):
                yield return new Ingress(
                    "",
                    resource.Property("protocol").AsString() ?? "tcp",
                    (int)(resource.Property("fromPort").AsNumber() ?? 0),
                    (int)(resource.Property("toPort").AsNumber() ?? 0),
                    [.. Ranges(resource.Property("cidrBlocks"), "cidrBlocks"), .. Ranges(resource.Property("ipv6CidrBlocks"), "ipv6CidrBlocks")],
                    resource.Property("securityGroupId").AsString());
                break;
            case TypeTokens.SecurityGroupIngressRule
                when !IsUndecided(resource.Property("ipProtocol"), resource.Property("fromPort"), resource.Property("toPort")):
                yield return new Ingress(
                    "",
                    resource.Property("ipProtocol").AsString() ?? "tcp",
                    (int)(resource.Property("fromPort").AsNumber() ?? -1),
                    (int)(resource.Property("toPort").AsNumber() ?? -1),
                    [.. Ranges(resource.Property("cidrIpv4"), "cidrIpv4"), .. Ranges(resource.Property("cidrIpv6"), "cidrIpv6")],
                    resource.Property("securityGroupId").AsString());
                break;
        }
    }

    /// <summary>The ranges of one field (a list, or a single string for the VPC rule resources), each with its path.</summary>
    public static IEnumerable<(string Path, string Cidr)> Ranges(PropertyValue value, string path)
    {
        if (value.AsString() is { } single)
        {
            return [(path, single)];
        }

        return value.Items.Select((item, j) => (Path: $"{path}[{j}]", Cidr: item.AsString())).Where(s => s.Cidr is not null).Select(s => (s.Path, s.Cidr!));
    }

    /// <summary>Ports or protocol unknown until the update: which ports are open cannot be told, so the permission is not judged.</summary>
    private static bool IsUndecided(PropertyValue protocol, PropertyValue fromPort, PropertyValue toPort) =>
        protocol.IsUnknown || fromPort.IsUnknown || toPort.IsUnknown;
}
