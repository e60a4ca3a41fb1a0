using Infra.Blueprints.Fleets;
using Infra.Components.Network;

namespace Infra.Components.Fleets;

/// <summary>What <see cref="ServiceFleet"/> maps: the finished blueprint, the explicit provider its children go through, and the region's VPC endpoints.</summary>
public sealed class ServiceFleetArgs
{
    public required FleetBlueprint Blueprint { get; init; }

    /// <summary>The AWS provider of the fleet's region (<see cref="FleetBlueprint.Region"/>): every AWS child goes through it.</summary>
    public required Pulumi.Aws.Provider Aws { get; init; }

    /// <summary>The VPC endpoints of the fleet's region: the fleet's HTTPS egress to AWS goes to them, nowhere else.</summary>
    public required VpcEndpoints Endpoints { get; init; }
}
