using System.Globalization;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// Derives a fleet's security group rules from the declared dependencies, in both directions.
/// Ingress: the service port from the shared load balancer and from each service that declares
/// this one as a dependency, plus Consul's LAN gossip from the VPC. Egress: each dependency's
/// port, PostgreSQL (5432) when it uses a database, the Kafka brokers' ports when it uses a
/// topic, Consul server RPC and gossip, and HTTPS (443: AWS APIs, Vault, Consul's API). Never an
/// ingress from 0.0.0.0/0.
/// </summary>
internal static class FleetSecurityRules
{
    public const int PostgreSql = 5432;
    public const int ConsulServerRpc = 8300;
    public const int ConsulLanGossip = 8301;
    public const int Https = 443;
    public const string Anywhere = "0.0.0.0/0";

    public static EquatableList<SecurityRule> For(ServiceDefinition service, StackDefinition stack, RegionNetwork network)
    {
        var vpc = network.Cidr.ToString();
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
        if (service.DependsOn.Databases.Count > 0)
        {
            rules.Add(Egress("postgresql", "tcp", PostgreSql, RulePeer.Cidr(vpc), "PostgreSQL: " + string.Join(", ", service.DependsOn.Databases)));
        }
        if (service.DependsOn.Topics.Count > 0)
        {
            foreach (var port in stack.Endpoints.KafkaBrokers.Select(BrokerPort).Distinct().Order())
            {
                rules.Add(Egress("kafka", "tcp", port, RulePeer.Cidr(vpc), "Kafka brokers"));
            }
        }
        rules.Add(Egress("consul-rpc", "tcp", ConsulServerRpc, RulePeer.Cidr(vpc), "Consul server RPC"));
        rules.Add(Egress("consul-gossip-tcp", "tcp", ConsulLanGossip, RulePeer.Cidr(vpc), "Consul LAN gossip"));
        rules.Add(Egress("consul-gossip-udp", "udp", ConsulLanGossip, RulePeer.Cidr(vpc), "Consul LAN gossip"));
        if (stack.Endpoints.Vault.Port != Https)
        {
            rules.Add(Egress("vault", "tcp", stack.Endpoints.Vault.Port, RulePeer.Cidr(vpc), "Vault"));
        }
        rules.Add(Egress("https", "tcp", Https, RulePeer.Cidr(Anywhere), "HTTPS: AWS APIs, Vault and Consul endpoints"));
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
