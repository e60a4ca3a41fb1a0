using Infra.Blueprints.Loading;
using Infra.Blueprints.Network;
using Infra.Components.Network;
using Pulumi;

namespace Infra.Components.Tests.Network;

/// <summary>The staging VPC endpoints of eu-west-3 and their provider.</summary>
public sealed class EndpointsProgram : Stack
{
    public EndpointsProgram()
    {
        Blueprint = Paris();
        var aws = new Pulumi.Aws.Provider("aws-eu-west-3", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" });
        Endpoints = new VpcEndpoints(Blueprint.Name, new VpcEndpointsArgs { Blueprint = Blueprint, Aws = aws });
    }

    public VpcEndpointsBlueprint Blueprint { get; }

    public VpcEndpoints Endpoints { get; }

    public static VpcEndpointsBlueprint Paris()
    {
        var loaded = new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("staging");
        Assert.False(loaded.HasErrors, loaded.FormatErrors());
        return VpcEndpointsBlueprints.For(loaded.Definition!).Single(b => b.Region == "eu-west-3");
    }
}
