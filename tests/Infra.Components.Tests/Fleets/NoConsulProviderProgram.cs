using Infra.Components.Fleets;
using Pulumi;

namespace Infra.Components.Tests.Fleets;

/// <summary>A fleet given no Consul provider: it must refuse to be built.</summary>
public sealed class NoConsulProviderProgram : Stack
{
    public NoConsulProviderProgram()
    {
        var blueprint = StagingFleets.Blueprints()[0];
        var aws = new Pulumi.Aws.Provider("aws-eu-west-3", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" });
        _ = new ServiceFleet(blueprint.Name, new ServiceFleetArgs { Blueprint = blueprint, Aws = aws, Endpoints = StagingFleets.Endpoints(aws), Consul = null! });
    }
}
