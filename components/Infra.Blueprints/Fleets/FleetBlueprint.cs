using System.Globalization;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// Every decision about one service's fleet in one region, as plain data: the <c>ServiceFleet</c>
/// component maps it to resources one for one and decides nothing itself. Every service has a fleet
/// in both regions: full size in the primary, the warm standby in the secondary. <see cref="Name"/>
/// (<c>&lt;service&gt;-&lt;region&gt;</c>) is the component's name and its children are named from it;
/// names carry the region, never the role, so that a region switch only changes sizes.
/// </summary>
/// <param name="Capacity">What the fleet runs now: <see cref="FullSize"/>, or the standby's minimum.</param>
/// <param name="FullSize">What the fleet runs as the primary region's: the minimum a switch scales it up to.</param>
/// <param name="FormerName">The component's name before fleets carried their region, as an alias, so the primary's fleet is not recreated.</param>
/// <param name="Calls">The services this one calls: its declared <c>dependsOn.services</c>.</param>
/// <param name="CalledBy">The services that declare it as a dependency: the only fleets its security group admits.</param>
public sealed record FleetBlueprint(
    string Name,
    string Service,
    bool IsStandby,
    string? FormerName,
    string Team,
    string Stack,
    EnvironmentKind Environment,
    string Region,
    int Port,
    FleetCapacity Capacity,
    FleetCapacity FullSize,
    LaunchTemplateSettings LaunchTemplate,
    AutoScalingSettings AutoScaling,
    TargetGroupSettings TargetGroup,
    ListenerRuleSettings ListenerRule,
    SecurityGroupSettings SecurityGroup,
    InstanceRoleSettings Role,
    ConsulServiceSettings Consul,
    EquatableList<string> Calls,
    EquatableList<string> CalledBy,
    ProxySettings? EgressProxy,
    EquatableList<ResourceTag> Tags)
{
    /// <summary>One line for <c>infra plan</c>: how many instances over how many zones, and why.</summary>
    public string Explanation => Capacity.Explanation;

    /// <summary>For the plan: whether the fleet reaches the internet at all, and how.</summary>
    public string Internet => EgressProxy is { } proxy
        ? $"internet: only {string.Join(", ", proxy.Destinations)}, through the egress proxy {proxy.Url.Authority}"
        : "internet: none";

    /// <summary>For the plan: every egress rule, what it is for, its port and its peer.</summary>
    public EquatableList<string> EgressRules =>
        [.. SecurityGroup.Egress.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Description}: {r.Protocol}/{r.Port} to {r.Peer}"))];

    /// <summary>For the plan: how the instances register with Consul and find its servers.</summary>
    public string ConsulRegistration
    {
        get
        {
            var check = TargetGroup.HealthCheck;
            return string.Create(CultureInfo.InvariantCulture,
                $"the local agent registers {Consul.ServiceName} on port {Port} ({TargetGroup.Protocol}), healthy while {check.Path} answers (every {check.IntervalSeconds} s); it joins by {Consul.Join.Description}");
        }
    }

    /// <summary>For the plan: who may open a shell on the instances, and where the session is logged.</summary>
    public string Sessions
    {
        get
        {
            var logged = string.Create(CultureInfo.InvariantCulture,
                $"every session logged to {SessionLoggingBlueprints.LogGroupName(Stack)} ({SessionLoggingBlueprints.RetentionDays} days, KMS)");
            return Role.Statements.Any(s => s.Sid == "SessionChannel")
                ? $"Session Manager and Run Command open; {logged}"
                : $"no shell, no Run Command (restricted data): Session Manager only under a temporary session/{Stack}/{Service} grant; {logged}";
        }
    }

    /// <summary>For the plan: what replaces an instance and what only stops routing to it.</summary>
    public string Health
    {
        get
        {
            var liveness = AutoScaling.Liveness;
            return string.Create(CultureInfo.InvariantCulture,
                $"replaced after {liveness.UnhealthyThreshold} failed {liveness.Path} probes {liveness.IntervalSeconds} s apart (or a failed boot), after a {AutoScaling.HealthCheckGracePeriodSeconds} s grace; routed while {TargetGroup.HealthCheck.Path} passes");
        }
    }
}
