using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Network;

/// <summary>
/// Database and administration ports other than SSH and RDP accept nothing from beyond the VPC: PostgreSQL 5432, MySQL 3306,
/// Redis 6379, Kafka 9092, Vault 8200, Consul 8500.
/// Flags: <c>aws.vpc.SecurityGroupIngressRule { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "192.0.2.0/24" }</c>
/// in a stack whose VPC is <c>10.60.0.0/16</c>.
/// </summary>
public sealed class SecurityGroupServicePortsBeyondVpcRule : PolicyRule
{
    public const string Code = "aws-ec2-securitygroup-no-database-or-admin-ports-beyond-vpc";

    private static readonly (int Port, string Name)[] GuardedPorts =
        [(5432, "PostgreSQL"), (3306, "MySQL"), (6379, "Redis"), (9092, "Kafka"), (8200, "Vault"), (8500, "Consul")];

    public override string Id => Code;

    public override string Title => "Database and administration ports are reachable from the VPC only";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } =
        [TypeTokens.SecurityGroup, TypeTokens.SecurityGroupRule, TypeTokens.SecurityGroupIngressRule];

    public override string Rationale => "Databases, Kafka, Vault and Consul hold the bank's data and secrets; only workloads inside the VPC may reach them, never another network or the internet.";

    public override string Remediation => "Allow the client fleet's security group or a range inside the VPC; reach them from elsewhere through the VPN, whose traffic enters the VPC.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 5.2", "CIS AWS 5.3", "PCI DSS 1.3.1", "PCI DSS 1.4.4", "ISO 27001 A.8.20", "ISO 27001 A.8.22", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var where = context.VpcNetworks.Count == 0 ? "the private ranges" : $"the VPC ({string.Join(", ", context.VpcNetworks)})";
        foreach (var ingress in Ingress.Of(resource))
        {
            foreach (var (path, cidr) in ingress.Sources.Where(s => AddressRange.Parse(s.Cidr).ReachesBeyond(context.VpcNetworks)))
            {
                foreach (var (port, name) in GuardedPorts.Where(p => ingress.Covers(p.Port)))
                {
                    yield return new PropertyIssue(path, $"{name} (port {port}) is open to {cidr}, beyond {where}, through {ingress.Ports}");
                }
            }
        }
    }
}
