using System.Collections.Immutable;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Fleets;
using Pulumi;

namespace Infra.Components.Fleets;

/// <summary>
/// The security group rules between fleets, and from fleets to databases: for every rule of a
/// blueprint whose peer is another fleet (a caller's ingress, a dependency's egress) or a database
/// (PostgreSQL egress), the rule on that blueprint's group with the peer's group. They need every
/// fleet's and database's group id, so they come after all fleets and databases exist;
/// each rule is named from its own fleet, so adding a fleet never renames another's rules. A fleet's
/// peers are the fleets and databases of its own region; each rule goes through the AWS provider of
/// its fleet's region, from the args (<see cref="FleetConnectionsArgs"/>). Output:
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
        var databases = RequiredArgs.Require(args.DatabaseSecurityGroupIds, nameof(FleetConnectionsArgs.DatabaseSecurityGroupIds), "the databases' security groups by region and name");
        var providers = RequiredArgs.Require(args.AwsProviders, nameof(FleetConnectionsArgs.AwsProviders), "the Pulumi.Aws.Provider of each fleet region");
        var ruleNames = ImmutableArray.CreateBuilder<string>();
        foreach (var blueprint in blueprints)
        {
            var own = Fleet(fleets, blueprint.Name);
            var aws = providers.TryGetValue(blueprint.Region, out var provider)
                ? provider
                : throw RequiredArgs.Invalid($"[{nameof(FleetConnectionsArgs.AwsProviders)}] has no provider for region {blueprint.Region}, where fleet '{blueprint.Name}' runs");
            foreach (var rule in blueprint.SecurityGroup.Rules.Where(r => r.Peer.IsStackResource))
            {
                Input<string> peer = rule.Peer.Kind == RulePeerKind.Fleet
                    ? Fleet(fleets, PeerFleet(blueprints, rule.Peer.Value, blueprint.Region)).SecurityGroupId
                    : Database(databases, blueprint.Region, rule.Peer.Value);
                var ruleName = $"{blueprint.Name}-{rule.Key}";
                ruleNames.Add(ruleName);
                var onAws = new CustomResourceOptions { Parent = this, Provider = aws };
                if (blueprint.FormerName is { } former)
                {
                    onAws.Aliases.Add(new Alias { Name = $"{former}-{rule.Key}" });
                }
                _ = SecurityRuleResources.Create(ruleName, rule, own.SecurityGroupId, peer, blueprint.Tags, onAws);
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

    private static Input<string> Database(IReadOnlyDictionary<string, IReadOnlyDictionary<string, Input<string>>> databases, string region, string name) =>
        databases.TryGetValue(region, out var inRegion) && inRegion.TryGetValue(name, out var id)
            ? id
            : throw RequiredArgs.Invalid($"[{nameof(FleetConnectionsArgs.DatabaseSecurityGroupIds)}] has no security group for database '{name}' in {region}; databases there: {(inRegion is null ? "none" : string.Join(", ", inRegion.Keys.Order(StringComparer.Ordinal)))}");

    /// <summary>The name of <paramref name="service"/>'s fleet in <paramref name="region"/>: a fleet reaches the fleets of its own region.</summary>
    private static string PeerFleet(IReadOnlyList<FleetBlueprint> blueprints, string service, string region) =>
        blueprints.FirstOrDefault(b => b.Service == service && b.Region == region)?.Name
            ?? throw RequiredArgs.Invalid($"[{nameof(FleetConnectionsArgs.Blueprints)}] has no fleet of service '{service}' in {region}");

    private static ServiceFleet Fleet(IReadOnlyDictionary<string, ServiceFleet> fleets, string name) =>
        fleets.TryGetValue(name, out var fleet)
            ? fleet
            : throw RequiredArgs.Invalid($"[{nameof(FleetConnectionsArgs.Fleets)}] has no fleet '{name}'; fleets: {string.Join(", ", fleets.Keys.Order(StringComparer.Ordinal))}");
}
