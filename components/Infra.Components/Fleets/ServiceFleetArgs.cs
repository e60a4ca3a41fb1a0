using Infra.Blueprints.Fleets;
using Infra.Components.Network;

namespace Infra.Components.Fleets;

/// <summary>What <see cref="ServiceFleet"/> maps: the finished blueprint, and the explicit providers its children go through.</summary>
public sealed class ServiceFleetArgs
{
    public required FleetBlueprint Blueprint { get; init; }

    /// <summary>The AWS provider of the fleet's region (<see cref="FleetBlueprint.Region"/>): every AWS child goes through it.</summary>
    public required Pulumi.Aws.Provider Aws { get; init; }

    /// <summary>The VPC endpoints of the fleet's region: the fleet's HTTPS egress to AWS goes to them, nowhere else.</summary>
    public required VpcEndpoints Endpoints { get; init; }

    /// <summary>The Consul provider of the fleet's datacenter: the service-defaults and intentions go through it.</summary>
    public required Pulumi.Consul.Provider Consul { get; init; }
}
