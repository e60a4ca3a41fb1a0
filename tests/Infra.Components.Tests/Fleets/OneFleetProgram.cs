using Infra.Blueprints.Fleets;
using Infra.Components.Fleets;
using Pulumi;

namespace Infra.Components.Tests.Fleets;

/// <summary>
/// A stack with the staging fleet of payments-api and its two providers. A transformation on the
/// fleet's options sees every resource created below the fleet, with the parent and options it was given.
/// </summary>
public sealed class OneFleetProgram : Stack
{
    private readonly List<(Resource Resource, Resource? Parent, ResourceOptions Options)> transformed = [];

    public OneFleetProgram()
    {
        Blueprint = StagingFleets.Blueprints().Single(b => b.Name == "payments-api-eu-west-3");
        var aws = new Pulumi.Aws.Provider("aws-eu-west-3", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" });
        var options = new ComponentResourceOptions();
        options.ResourceTransformations.Add(args =>
        {
            lock (transformed)
            {
                transformed.Add((args.Resource, args.Options.Parent, args.Options));
            }
            return null;
        });
        Fleet = new ServiceFleet(Blueprint.Name, new ServiceFleetArgs { Blueprint = Blueprint, Aws = aws, Endpoints = StagingFleets.Endpoints(aws) }, options);
    }

    public FleetBlueprint Blueprint { get; }

    public ServiceFleet Fleet { get; }

    /// <summary>Every resource created below the fleet, with its parent and the options it was given.</summary>
    public IReadOnlyList<(Resource Resource, Resource? Parent, ResourceOptions Options)> Children
    {
        get
        {
            lock (transformed)
            {
                return [.. transformed.Where(t => !ReferenceEquals(t.Resource, Fleet))];
            }
        }
    }
}
