using System.Collections.Immutable;
using Infra.Blueprints.Aws;
using Pulumi;

namespace Infra.Components.Fleets;

/// <summary>
/// The security group rules between fleets, and from fleets to databases: for every rule of a
/// blueprint whose peer is another fleet (a caller's ingress, a dependency's egress) or a database
/// (PostgreSQL egress), the rule on that blueprint's group with the peer's group. They need every
/// fleet's and database's group id, so they come after all fleets and databases exist;
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
        var databases = RequiredArgs.Require(args.DatabaseSecurityGroupIds, nameof(FleetConnectionsArgs.DatabaseSecurityGroupIds), "the databases' security groups by name");
        var aws = RequiredArgs.Require(args.Aws, nameof(FleetConnectionsArgs.Aws), "the Pulumi.Aws.Provider of the fleets' region");
        var onAws = new CustomResourceOptions { Parent = this, Provider = aws };
        var ruleNames = ImmutableArray.CreateBuilder<string>();
        foreach (var blueprint in blueprints)
        {
            var own = Fleet(fleets, blueprint.Name);
            foreach (var rule in blueprint.SecurityGroup.Rules.Where(r => r.Peer.IsStackResource))
            {
                Input<string> peer = rule.Peer.Kind == RulePeerKind.Fleet ? Fleet(fleets, rule.Peer.Value).SecurityGroupId : Database(databases, rule.Peer.Value);
                ruleNames.Add($"{blueprint.Name}-{rule.Key}");
                _ = SecurityRuleResources.Create($"{blueprint.Name}-{rule.Key}", rule, own.SecurityGroupId, peer, blueprint.Tags, onAws);
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

    private static Input<string> Database(IReadOnlyDictionary<string, Input<string>> databases, string name) =>
        databases.TryGetValue(name, out var id)
            ? id
            : throw RequiredArgs.Invalid($"[{nameof(FleetConnectionsArgs.DatabaseSecurityGroupIds)}] has no security group for database '{name}'; databases: {string.Join(", ", databases.Keys.Order(StringComparer.Ordinal))}");

    private static ServiceFleet Fleet(IReadOnlyDictionary<string, ServiceFleet> fleets, string service) =>
        fleets.TryGetValue(service, out var fleet)
            ? fleet
            : throw RequiredArgs.Invalid($"[{nameof(FleetConnectionsArgs.Fleets)}] has no fleet for service '{service}'; fleets: {string.Join(", ", fleets.Keys.Order(StringComparer.Ordinal))}");
}
