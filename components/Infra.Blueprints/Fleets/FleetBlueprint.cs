using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// Every decision about one service's fleet in the primary region, as plain data: the
/// <c>ServiceFleet</c> component maps it to resources one for one and decides nothing itself.
/// <see cref="Name"/> is the component's name; its children are named from it.
/// </summary>
public sealed record FleetBlueprint(
    string Name,
    string Team,
    string Stack,
    EnvironmentKind Environment,
    string Region,
    int Port,
    FleetCapacity Capacity,
    LaunchTemplateSettings LaunchTemplate,
    AutoScalingSettings AutoScaling,
    TargetGroupSettings TargetGroup,
    ListenerRuleSettings ListenerRule,
    SecurityGroupSettings SecurityGroup,
    InstanceRoleSettings Role,
    ConsulServiceSettings Consul,
    EquatableList<string> Calls,
    EquatableList<ResourceTag> Tags)
{
    /// <summary>One line for <c>infra plan</c>: how many instances over how many zones, and why.</summary>
    public string Explanation => Capacity.Explanation;

    /// <summary>The services allowed to call this one: those that declare it as a dependency.</summary>
    public EquatableList<string> CalledBy => Consul.AllowedCallers;
}
