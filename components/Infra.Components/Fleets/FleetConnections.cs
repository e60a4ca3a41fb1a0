using System.Collections.Immutable;
using Infra.Blueprints.Aws;
using Pulumi;

namespace Infra.Components.Fleets;

/// <summary>
/// The security group rules between fleets: for every rule of a blueprint whose peer is another
/// fleet (a caller's ingress, a dependency's egress), the rule on that blueprint's group with the
/// peer fleet's group. They need every fleet's group id, so they come after all fleets exist;
/// each rule is named from its own fleet, so adding a fleet never renames another's rules. The AWS
/// provider of the fleets' region comes from the args (<see cref="FleetConnectionsArgs"/>). Output:
/// <see cref="RuleNames"/>, the logical names of the rules it created.
/// </summary>
public sealed class FleetConnections : ComponentResource
{
    public const string TypeToken = "infra:fleet:FleetConnections";

    public FleetConnections(string name, FleetConnectionsArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var blueprints = RequiredArgs.Require(args.Blueprints, nameof(FleetConnectionsArgs.Blueprints), "every fleet's blueprint");
        var fleets = RequiredArgs.Require(args.Fleets, nameof(FleetConnectionsArgs.Fleets), "the fleets by service name");
        var aws = RequiredArgs.Require(args.Aws, nameof(FleetConnectionsArgs.Aws), "the Pulumi.Aws.Provider of the fleets' region");
        var onAws = new CustomResourceOptions { Parent = this, Provider = aws };
        var ruleNames = ImmutableArray.CreateBuilder<string>();
        foreach (var blueprint in blueprints)
        {
            var own = Fleet(fleets, blueprint.Name);
            foreach (var rule in blueprint.SecurityGroup.Rules.Where(r => r.Peer.Kind == RulePeerKind.Fleet))
            {
                ruleNames.Add($"{blueprint.Name}-{rule.Key}");
                _ = SecurityRuleResources.Create($"{blueprint.Name}-{rule.Key}", rule, own.SecurityGroupId, Fleet(fleets, rule.Peer.Value).SecurityGroupId, blueprint.Tags, onAws);
            }
        }
        RuleNames = Output.Create(ruleNames.ToImmutable());
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["ruleNames"] = RuleNames,
        });
    }

    /// <summary>The logical name of every rule between fleets, in blueprint order.</summary>
    [Output("ruleNames")]
    public Output<ImmutableArray<string>> RuleNames { get; private set; }

    private static ServiceFleet Fleet(IReadOnlyDictionary<string, ServiceFleet> fleets, string service) =>
        fleets.TryGetValue(service, out var fleet)
            ? fleet
            : throw RequiredArgs.Invalid($"[{nameof(FleetConnectionsArgs.Fleets)}] has no fleet for service '{service}'; fleets: {string.Join(", ", fleets.Keys.Order(StringComparer.Ordinal))}");
}
