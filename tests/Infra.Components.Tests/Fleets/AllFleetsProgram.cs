using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Components.Fleets;
using Pulumi;

namespace Infra.Components.Tests.Fleets;

/// <summary>
/// Every staging fleet in both regions, then the rules between them: what the stack program does. A transformation
/// on the connections' options sees every resource created below them, with the parent it was given.
/// </summary>
public sealed class AllFleetsProgram : Stack
{
    private readonly List<(Resource Resource, Resource? Parent)> transformed = [];

    public AllFleetsProgram()
    {
        Blueprints = StagingFleets.Blueprints();
        var aws = Blueprints.Select(b => b.Region).Distinct().ToDictionary(
            region => region,
            region => new Pulumi.Aws.Provider($"aws-{region}", new Pulumi.Aws.ProviderArgs { Region = region }),
            StringComparer.Ordinal);
        var endpoints = aws.ToDictionary(a => a.Key, a => StagingFleets.Endpoints(a.Value, a.Key), StringComparer.Ordinal);
        var fleets = Blueprints.ToDictionary(
            b => b.Name,
            b => new ServiceFleet(b.Name, new ServiceFleetArgs { Blueprint = b, Aws = aws[b.Region], Endpoints = endpoints[b.Region] }),
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
        Connections = new FleetConnections("fleet-connections", new FleetConnectionsArgs { Blueprints = Blueprints, Fleets = fleets, DatabaseSecurityGroupIds = StagingFleets.DatabaseSecurityGroupIds(), AwsProviders = aws }, options);
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
