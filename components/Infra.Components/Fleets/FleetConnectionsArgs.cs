using Infra.Blueprints.Fleets;

namespace Infra.Components.Fleets;

/// <summary>What <see cref="FleetConnections"/> maps: every fleet's blueprint, the fleets built from them, the databases' security groups, and the explicit provider of each region.</summary>
public sealed class FleetConnectionsArgs
{
    /// <summary>Every fleet's blueprint, in both regions; each rule whose peer is another fleet or a database becomes a resource.</summary>
    public required IReadOnlyList<FleetBlueprint> Blueprints { get; init; }

    /// <summary>The fleets, by their name (<see cref="FleetBlueprint.Name"/>); every fleet a rule names (its own and its peer in its region) must be there.</summary>
    public required IReadOnlyDictionary<string, ServiceFleet> Fleets { get; init; }

    /// <summary>The security group of each database, by region and then database name; every database a fleet uses must be there in the fleet's region.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, Pulumi.Input<string>>> DatabaseSecurityGroupIds { get; init; }

    /// <summary>The AWS provider of each region, by region name: each rule goes through its fleet's.</summary>
    public required IReadOnlyDictionary<string, Pulumi.Aws.Provider> AwsProviders { get; init; }
}
