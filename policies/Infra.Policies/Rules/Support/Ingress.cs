using Infra.Policies.Model;

namespace Infra.Policies.Rules.Support;

/// <summary>One inbound permission, from a security group's <c>ingress[]</c> or a standalone rule resource.</summary>
internal sealed record Ingress(string Protocol, int FromPort, int ToPort, IReadOnlyList<string> Cidrs, string? SecurityGroupId)
{
    public static readonly IReadOnlySet<string> AnywhereCidrs = new HashSet<string>(StringComparer.Ordinal) { "0.0.0.0/0", "::/0" };

    public bool AllPorts => Protocol is "-1" or "all" || (FromPort <= 0 && ToPort is 0 or -1 or >= 65535);

    public IEnumerable<string> OpenToAnywhere => Cidrs.Where(AnywhereCidrs.Contains);

    public bool Covers(int port) => AllPorts || (FromPort <= port && port <= ToPort);

    public bool IsOnly(int port) => !AllPorts && FromPort == port && ToPort == port;

    public string Ports => AllPorts ? "all ports" : FromPort == ToPort ? $"port {FromPort}" : $"ports {FromPort}-{ToPort}";

    /// <summary>Ingress of <c>aws:ec2/securityGroup</c> (<c>ingress[]</c>), <c>aws:ec2/securityGroupRule</c> (<c>type: ingress</c>) and <c>aws:vpc/securityGroupIngressRule</c>.</summary>
    public static IEnumerable<Ingress> Of(PolicyResource resource)
    {
        switch (resource.Type)
        {
            case TypeTokens.SecurityGroup:
                foreach (var item in resource.Property("ingress").Items)
                {
                    if (IsUndecided(item["protocol"], item["fromPort"], item["toPort"]))
                    {
                        continue;
                    }

                    yield return new Ingress(
                        item["protocol"].AsString() ?? "tcp",
                        (int)(item["fromPort"].AsNumber() ?? 0),
                        (int)(item["toPort"].AsNumber() ?? 0),
                        [.. item["cidrBlocks"].AsStrings(), .. item["ipv6CidrBlocks"].AsStrings()],
                        resource.Id);
                }

                break;
            case TypeTokens.SecurityGroupRule when resource.Property("type").AsString() == "ingress"
                && !IsUndecided(resource.Property("protocol"), resource.Property("fromPort"), resource.Property("toPort")):
                yield return new Ingress(
                    resource.Property("protocol").AsString() ?? "tcp",
                    (int)(resource.Property("fromPort").AsNumber() ?? 0),
                    (int)(resource.Property("toPort").AsNumber() ?? 0),
                    [.. resource.Property("cidrBlocks").AsStrings(), .. resource.Property("ipv6CidrBlocks").AsStrings()],
                    resource.Property("securityGroupId").AsString());
                break;
            case TypeTokens.SecurityGroupIngressRule
                when !IsUndecided(resource.Property("ipProtocol"), resource.Property("fromPort"), resource.Property("toPort")):
                yield return new Ingress(
                    resource.Property("ipProtocol").AsString() ?? "tcp",
                    (int)(resource.Property("fromPort").AsNumber() ?? -1),
                    (int)(resource.Property("toPort").AsNumber() ?? -1),
                    [.. resource.Property("cidrIpv4").AsStrings(), .. resource.Property("cidrIpv6").AsStrings()],
                    resource.Property("securityGroupId").AsString());
                break;
        }
    }

    /// <summary>Ports or protocol unknown until the update: which ports are open cannot be told, so the permission is not judged.</summary>
    private static bool IsUndecided(PropertyValue protocol, PropertyValue fromPort, PropertyValue toPort) =>
        protocol.IsUnknown || fromPort.IsUnknown || toPort.IsUnknown;
}
