using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;

namespace Infra.Blueprints.Tests.Fleets;

/// <summary>Security group rules come from the declared dependencies, in both directions, and never open ingress to the world.</summary>
public sealed class FleetSecurityRulesTests
{
    private static readonly StackDefinition Staging = RepositoryDefinitions.Load("staging");
    private const string Vpc = "10.40.0.0/16";
    private const string LoadBalancer = "sg-0d9fbf2288fc37822";
    private const string VaultServers = "sg-00000000005a75cec";
    private const string ConsulServers = "sg-0000000000f7ee28e";
    private const string KafkaBrokers = "sg-0000000000e4cac46";

    private static EquatableList<SecurityRule> Rules(StackDefinition definition, string service) =>
        FleetBlueprints.For(definition).Single(b => b.Service == service && !b.IsStandby).SecurityGroup.Rules;

    private static (string Protocol, int Port, RulePeer Peer) Shape(SecurityRule rule) => (rule.Protocol, rule.Port, rule.Peer);

    [Fact]
    public void Ingress_comes_only_from_the_load_balancer_the_callers_and_consul_gossip()
    {
        var ingress = Rules(Staging, "payments-api").Where(r => r.Direction == RuleDirection.Ingress).Select(Shape);

        Assert.Equal(
            [
                ("tcp", 8443, RulePeer.SecurityGroup(LoadBalancer)),
                ("tcp", 8443, RulePeer.Fleet("back-office")),
                ("tcp", 8301, RulePeer.Cidr(Vpc)),
                ("udp", 8301, RulePeer.Cidr(Vpc)),
            ],
            ingress);
    }

    [Fact]
    public void Egress_goes_to_each_peers_group_or_prefix_list_and_only_gossip_to_the_vpc()
    {
        var egress = Rules(Staging, "payments-api").Where(r => r.Direction == RuleDirection.Egress).Select(Shape);

        Assert.Equal(
            [
                ("tcp", 9443, RulePeer.Fleet("card-authorizer")),
                ("tcp", 8443, RulePeer.Fleet("customer-profile")),
                ("tcp", 8443, RulePeer.Fleet("fraud-scoring")),
                ("tcp", 8443, RulePeer.Fleet("ledger")),
                ("tcp", 5432, RulePeer.Database("payments-db")),
                ("tcp", 9093, RulePeer.SecurityGroup(KafkaBrokers)),
                ("tcp", 8300, RulePeer.SecurityGroup(ConsulServers)),
                ("tcp", 8301, RulePeer.Cidr(Vpc)),
                ("udp", 8301, RulePeer.Cidr(Vpc)),
                ("tcp", 443, RulePeer.SecurityGroup(VaultServers)),
                ("tcp", 443, RulePeer.InterfaceEndpoints),
                ("tcp", 443, RulePeer.S3Gateway),
            ],
            egress);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void No_fleet_reaches_the_internet_directly(string stack)
    {
        var definition = RepositoryDefinitions.Load(stack);
        Assert.All(FleetBlueprints.For(definition), b =>
        {
            var vpc = definition.Networks.Single(n => n.Region == b.Region).Cidr.ToString();
            Assert.All(b.SecurityGroup.Rules, r => Assert.True(r.Peer.Kind != RulePeerKind.Cidr || r.Peer.Value == vpc && r.Port == 8301, $"{b.Name} {r.Key} to {r.Peer}"));
        });
    }

    [Fact]
    public void A_platform_peer_given_as_a_prefix_list_becomes_a_prefix_list_rule()
    {
        var network = Staging.Networks.Single(n => n.Region == "eu-west-3");
        var prefixed = Staging with
        {
            Networks = [.. Staging.Networks.Select(n => n == network ? n with { Peers = n.Peers with { Kafka = "pl-0123456789abcdef0" } } : n)],
        };

        var kafka = Assert.Single(Rules(prefixed, "ledger"), r => r.Key == "out-kafka-9093");

        Assert.Equal(RulePeer.PrefixList("pl-0123456789abcdef0"), kafka.Peer);
        Assert.True(kafka.Peer.IsPrefixList);
    }

    [Fact]
    public void A_service_without_databases_or_topics_gets_no_rule_for_them()
    {
        var quiet = Staging with
        {
            Services = [.. Staging.Services.Select(s => s.Name == "customer-profile" ? s with { DependsOn = ServiceDependencies.None } : s)],
        };

        var egress = Rules(quiet, "customer-profile").Where(r => r.Direction == RuleDirection.Egress).ToList();

        Assert.DoesNotContain(egress, r => r.Port is 5432 or 9093 || r.Peer.Kind == RulePeerKind.Database);
        Assert.DoesNotContain(egress, r => r.Peer.Kind == RulePeerKind.Fleet);
    }

    [Fact]
    public void Every_call_is_open_at_both_ends()
    {
        var blueprints = FleetBlueprints.For(Staging);
        var calls = 0;

        foreach (var caller in blueprints)
        {
            foreach (var egress in caller.SecurityGroup.Egress.Where(r => r.Peer.Kind == RulePeerKind.Fleet))
            {
                var callee = blueprints.Single(b => b.Service == egress.Peer.Value && b.Region == caller.Region);
                Assert.Contains(callee.SecurityGroup.Ingress, r => r.Peer == RulePeer.Fleet(caller.Service) && r.Port == egress.Port && r.Port == callee.Port);
                calls++;
            }
        }
        // Each call is open in both regions, between the fleets of that region.
        Assert.Equal(2 * Staging.Services.Sum(s => s.DependsOn.Services.Count), calls);
        Assert.Equal(calls, blueprints.Sum(b => b.SecurityGroup.Ingress.Count(r => r.Peer.Kind == RulePeerKind.Fleet)));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void No_fleet_accepts_ingress_from_anywhere(string stack) =>
        Assert.All(FleetBlueprints.For(RepositoryDefinitions.Load(stack)).SelectMany(b => b.SecurityGroup.Ingress),
            r => Assert.NotEqual(RulePeer.Cidr("0.0.0.0/0"), r.Peer));

    [Fact]
    public void Rule_keys_are_unique_within_a_fleet() =>
        Assert.All(FleetBlueprints.For(Staging), b => Assert.Equal(b.SecurityGroup.Rules.Count, b.SecurityGroup.Rules.Select(r => r.Key).Distinct().Count()));

    [Fact]
    public void Rule_keys_name_what_the_rule_is_for() =>
        Assert.Contains(Rules(Staging, "ledger"), r => r.Key == "in-from-payments-api-8443" && r.Direction == RuleDirection.Ingress);

    [Fact]
    public void Vault_is_reached_on_its_own_port_by_its_security_group()
    {
        var ownPort = Staging with { Endpoints = Staging.Endpoints with { Vault = new Uri("https://vault.stg.example-bank.eu:8200") } };

        Assert.Contains(Rules(ownPort, "ledger"), r => r.Key == "out-vault-8200" && r.Peer == RulePeer.SecurityGroup(VaultServers));
        Assert.DoesNotContain(Rules(ownPort, "ledger"), r => r.Key == "out-vault-443");
    }

    [Fact]
    public void No_egress_proxy_rule_without_declared_egress() =>
        Assert.All(FleetBlueprints.For(Staging), b => Assert.DoesNotContain(b.SecurityGroup.Rules, r => r.Key.Contains("egress-proxy", StringComparison.Ordinal)));
}
