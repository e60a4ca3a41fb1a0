using Infra.Blueprints.Network;

namespace Infra.Components.Network;

/// <summary>What <see cref="VpcEndpoints"/> maps: the region's endpoints blueprint and the explicit provider of that region.</summary>
public sealed class VpcEndpointsArgs
{
    public required VpcEndpointsBlueprint Blueprint { get; init; }

    /// <summary>The AWS provider of the blueprint's region: every child goes through it.</summary>
    public required Pulumi.Aws.Provider Aws { get; init; }
}
