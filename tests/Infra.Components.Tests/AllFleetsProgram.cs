using Pulumi;

namespace Infra.Components.Tests;

/// <summary>Every staging fleet, then the rules between them: what the stack program does.</summary>
public sealed class AllFleetsProgram : Stack
{
    public AllFleetsProgram()
    {
        var blueprints = StagingFleets.Blueprints();
        var aws = new Pulumi.Aws.Provider("aws-eu-west-3", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" });
        var consul = new Pulumi.Consul.Provider("consul-stg-par", new Pulumi.Consul.ProviderArgs { Address = "consul.stg-par.example-bank.eu", Datacenter = "stg-par" });
        var fleets = blueprints.ToDictionary(
            b => b.Name,
            b => new ServiceFleet(b.Name, b, new ComponentResourceOptions { Providers = { aws, consul } }),
            StringComparer.Ordinal);
        _ = new FleetConnections("fleet-connections", blueprints, fleets, new ComponentResourceOptions { Providers = { aws } });
    }
}
