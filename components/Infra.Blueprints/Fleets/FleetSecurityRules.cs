using System.Globalization;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// Derives a fleet's security group rules from the declared dependencies, in both directions.
/// Ingress: the service port from the shared load balancer and from each service that declares
/// this one as a dependency, plus Consul's LAN gossip from the VPC. Egress, each to its peer's
/// security group or prefix list: each dependency's port, PostgreSQL to each database it uses, the
/// Kafka brokers' ports, Consul server RPC, Vault, HTTPS to the region's VPC interface endpoints
/// and the S3 gateway, and the egress proxy when the service declares outside destinations; only
/// Consul's gossip, which every agent of the datacenter speaks with every other, goes to the VPC.
/// Never a rule to or from 0.0.0.0/0 or ::/0.
/// </summary>
internal static class FleetSecurityRules
{
    public const int PostgreSql = 5432;
    public const int ConsulServerRpc = 8300;
    public const int ConsulLanGossip = 8301;
    public const int Https = 443;

    public static EquatableList<SecurityRule> For(ServiceDefinition service, StackDefinition stack, RegionNetwork network)
    {
        var vpc = network.Cidr.ToString();
        var peers = network.Peers;
        var rules = new List<SecurityRule>
        {
            Ingress("lb", "tcp", service.Port, RulePeer.SecurityGroup(network.LoadBalancer.SecurityGroupId), "from the shared load balancer"),
        };
        foreach (var client in stack.Services.Where(s => s.DependsOn.Services.Contains(service.Name)))
        {
            rules.Add(Ingress($"from-{client.Name}", "tcp", service.Port, RulePeer.Fleet(client.Name), $"from {client.Name}, which calls it"));
        }
        // Every Consul agent of the datacenter gossips with every other one, so gossip comes from the whole VPC.
        rules.Add(Ingress("consul-gossip-tcp", "tcp", ConsulLanGossip, RulePeer.Cidr(vpc), "Consul LAN gossip"));
        rules.Add(Ingress("consul-gossip-udp", "udp", ConsulLanGossip, RulePeer.Cidr(vpc), "Consul LAN gossip"));

        foreach (var dependency in service.DependsOn.Services)
        {
            var port = stack.Services.First(s => s.Name == dependency).Port;
            rules.Add(Egress($"to-{dependency}", "tcp", port, RulePeer.Fleet(dependency), $"to {dependency}, which it calls"));
        }
        foreach (var database in service.DependsOn.Databases)
        {
            rules.Add(Egress($"postgresql-{database}", "tcp", PostgreSql, RulePeer.Database(database), $"PostgreSQL: {database}"));
        }
        if (service.DependsOn.Topics.Count > 0)
        {
            foreach (var port in stack.Endpoints.KafkaBrokers.Select(BrokerPort).Distinct().Order())
            {
                rules.Add(Egress("kafka", "tcp", port, RulePeer.GroupOrPrefixList(peers.Kafka), "Kafka brokers"));
            }
        }
        rules.Add(Egress("consul-rpc", "tcp", ConsulServerRpc, RulePeer.GroupOrPrefixList(peers.Consul), "Consul server RPC"));
        rules.Add(Egress("consul-gossip-tcp", "tcp", ConsulLanGossip, RulePeer.Cidr(vpc), "Consul LAN gossip"));
        rules.Add(Egress("consul-gossip-udp", "udp", ConsulLanGossip, RulePeer.Cidr(vpc), "Consul LAN gossip"));
        rules.Add(Egress("vault", "tcp", stack.Endpoints.Vault.Port, RulePeer.GroupOrPrefixList(peers.Vault), "Vault"));
        rules.Add(Egress("aws-endpoints", "tcp", Https, RulePeer.InterfaceEndpoints, "AWS APIs through the VPC interface endpoints"));
        rules.Add(Egress("s3", "tcp", Https, RulePeer.S3Gateway, "S3 through the gateway endpoint"));
        if (service.Egress.Count > 0 && network.EgressProxy is { } proxy)
        {
            rules.Add(Egress("egress-proxy", "tcp", proxy.Port, RulePeer.SecurityGroup(proxy.SecurityGroupId), "egress proxy: " + string.Join(", ", service.Egress)));
        }
        return rules.ToEquatableList();
    }

    private static int BrokerPort(string broker) => int.Parse(broker[(broker.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);

    private static SecurityRule Ingress(string key, string protocol, int port, RulePeer peer, string description) =>
        new(Name("in", key, port), RuleDirection.Ingress, protocol, port, peer, description);

    private static SecurityRule Egress(string key, string protocol, int port, RulePeer peer, string description) =>
        new(Name("out", key, port), RuleDirection.Egress, protocol, port, peer, description);

    /// <summary>The rule's resource name suffix, e.g. <c>in-from-back-office-8443</c>.</summary>
    private static string Name(string direction, string key, int port) => string.Create(CultureInfo.InvariantCulture, $"{direction}-{key}-{port}");
}
