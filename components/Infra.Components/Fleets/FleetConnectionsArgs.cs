using Infra.Blueprints.Fleets;

namespace Infra.Components.Fleets;

/// <summary>What <see cref="FleetConnections"/> maps: every fleet's blueprint, the fleets built from them, the databases' security groups, and the explicit provider of their region.</summary>
public sealed class FleetConnectionsArgs
{
    /// <summary>Every fleet's blueprint; each rule whose peer is another fleet becomes a resource.</summary>
    public required IReadOnlyList<FleetBlueprint> Blueprints { get; init; }

    /// <summary>The fleets, by service name; every fleet a rule names (its own and its peer) must be there.</summary>
    public required IReadOnlyDictionary<string, ServiceFleet> Fleets { get; init; }

    /// <summary>The security group of each database in the fleets' region, by database name; every database a fleet uses must be there.</summary>
    public required IReadOnlyDictionary<string, Pulumi.Input<string>> DatabaseSecurityGroupIds { get; init; }

    /// <summary>The AWS provider of the fleets' region: every rule goes through it.</summary>
    public required Pulumi.Aws.Provider Aws { get; init; }
}
