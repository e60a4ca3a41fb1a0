using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Network;
using Infra.Components.Network;

namespace Infra.Components.Tests.Fleets;

/// <summary>The fleet blueprints of the repository's staging stack, as the program builds them, and what they need.</summary>
internal static class StagingFleets
{
    public static EquatableList<FleetBlueprint> Blueprints() => FleetBlueprints.For(Definition());

    /// <summary>The KMS grants the staging fleets' encrypted volumes need.</summary>
    public static EquatableList<EbsKeyGrantBlueprint> EbsKeyGrants() => EbsKeyGrantBlueprints.For(Definition(), Blueprints());

    /// <summary>Session Manager's logging in the staging fleets' regions.</summary>
    public static EquatableList<SessionLoggingBlueprint> SessionLogging() => SessionLoggingBlueprints.For(Definition(), Blueprints());

    /// <summary>The VPC endpoints of one of the staging fleets' regions (Paris, the primary, by default), which their HTTPS egress names.</summary>
    public static VpcEndpoints Endpoints(Pulumi.Aws.Provider aws, string region = "eu-west-3")
    {
        var blueprint = VpcEndpointsBlueprints.For(Definition()).Single(b => b.Region == region);
        return new VpcEndpoints(blueprint.Name, new VpcEndpointsArgs { Blueprint = blueprint, Aws = aws });
    }

    /// <summary>A security group id per staging database in each region, as the databases would register them: sg-&lt;database&gt;-&lt;region&gt;.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Pulumi.Input<string>>> DatabaseSecurityGroupIds() =>
        Definition().Networks.ToDictionary(
            n => n.Region,
            n => (IReadOnlyDictionary<string, Pulumi.Input<string>>)Definition().Databases.ToDictionary(d => d.Name, d => (Pulumi.Input<string>)$"sg-{d.Name}-{n.Region}", StringComparer.Ordinal),
            StringComparer.Ordinal);

    private static StackDefinition Definition()
    {
        var loaded = new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("staging");
        Assert.False(loaded.HasErrors, loaded.FormatErrors());
        return loaded.Definition!;
    }
}
