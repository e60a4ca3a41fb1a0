using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Components.Fleets;
using Pulumi;

namespace Infra.Components.Tests.Fleets;

/// <summary>
/// Every staging fleet, then the rules between them: what the stack program does. A transformation
/// on the connections' options sees every resource created below them, with the parent it was given.
/// </summary>
public sealed class AllFleetsProgram : Stack
{
    private readonly List<(Resource Resource, Resource? Parent)> transformed = [];

    public AllFleetsProgram()
    {
        Blueprints = StagingFleets.Blueprints();
        var aws = new Pulumi.Aws.Provider("aws-eu-west-3", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" });
        var endpoints = StagingFleets.Endpoints(aws);
        var fleets = Blueprints.ToDictionary(
            b => b.Name,
            b => new ServiceFleet(b.Name, new ServiceFleetArgs { Blueprint = b, Aws = aws, Endpoints = endpoints }),
            StringComparer.Ordinal);
        var options = new ComponentResourceOptions();
        options.ResourceTransformations.Add(args =>
        {
            lock (transformed)
            {
                transformed.Add((args.Resource, args.Options.Parent));
            }
            return null;
        });
        Connections = new FleetConnections("fleet-connections", new FleetConnectionsArgs { Blueprints = Blueprints, Fleets = fleets, DatabaseSecurityGroupIds = StagingFleets.DatabaseSecurityGroupIds(), Aws = aws }, options);
    }

    public EquatableList<FleetBlueprint> Blueprints { get; }

    public FleetConnections Connections { get; }

    /// <summary>Every resource created below the connections, with its parent.</summary>
    public IReadOnlyList<(Resource Resource, Resource? Parent)> Children
    {
        get
        {
            lock (transformed)
            {
                return [.. transformed.Where(t => !ReferenceEquals(t.Resource, Connections))];
            }
        }
    }
}
