using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Validation;

/// <summary>Checks of the settings that fleets are built from: zones of production networks, services' IAM statements.</summary>
internal static class FleetSettingsValidator
{
    /// <summary>Production fleets spread over at least this many zones, so that losing one still leaves two.</summary>
    public const int ProductionMinimumZones = 3;

    /// <summary>A justification shorter than this says nothing a reviewer can check.</summary>
    public const int MinimumJustificationLength = 20;

    public static void Validate(StackSettings settings, DocumentContext context)
    {
        if (settings.Environment == EnvironmentKind.Production)
        {
            foreach (var network in settings.Networks.Where(n => n.Subnets.Count is > 0 and < ProductionMinimumZones))
            {
                context.Error(KeyPath.Child(KeyPath.Child(StackConfigReader.Qualified(StackConfigKeys.Networks), network.Region), "subnets"),
                    $"has {network.Subnets.Count} zone(s); production fleets spread over at least {ProductionMinimumZones} zones so that losing one still leaves two");
            }
        }
        foreach (var placeholder in PlaceholderIds.In(settings.Networks))
        {
            context.Warning(placeholder.KeyPath, PlaceholderIds.Describe(placeholder));
        }
        foreach (var (priority, services) in ListenerPriorities.Collisions(settings.Services))
        {
            foreach (var service in services)
            {
                var path = KeyPath.Child(StackConfigReader.Qualified(StackConfigKeys.Services), service.Name);
                var others = string.Join(", ", services.Where(s => s != service).Select(s => s.Name));
                context.Error(service.ListenerPriority is null ? path : KeyPath.Child(path, "listenerPriority"),
                    $"gets listener priority {priority}, as {others} does; priorities never move, so that no service's rule changes when one is added: "
                    + $"declare listenerPriority on the service being added, a free value from 1 to {ListenerPriorities.Highest}");
            }
        }
        var primary = settings.Networks.FirstOrDefault(n => n.Region == settings.Regions?.Primary);
        var secondary = settings.Networks.FirstOrDefault(n => n.Region == settings.Regions?.Secondary);
        foreach (var service in settings.Services)
        {
            ValidateProtocol(service, context);
            ValidateIam(service, context);
            // The warm standby in the secondary region goes out through that region's proxy.
            foreach (var network in new[] { primary, secondary })
            {
                ValidateEgress(service, network, context);
            }
            if (settings.Environment is { } environment)
            {
                ValidateStandby(service, secondary, environment, context);
            }
        }
    }

    /// <summary>
    /// The warm standby runs at least the environment's floor (a production standby of one is empty after
    /// one failure) and at most the fleet's full minimum in that region, which the switch scales it up to.
    /// </summary>
    private static void ValidateStandby(ServiceDefinition service, RegionNetwork? secondary, EnvironmentKind environment, DocumentContext context)
    {
        if (service.StandbyMinimum is not { } minimum || secondary is not { Subnets.Count: > 0 })
        {
            return;
        }
        var floor = FleetCapacity.StandbyMinimum(environment);
        var full = FleetBlueprints.FullSize(service, secondary, environment).Min;
        if (minimum < floor || minimum > full)
        {
            context.Error(KeyPath.Child(KeyPath.Child(StackConfigReader.Qualified(StackConfigKeys.Services), service.Name), "standbyMinimum"),
                $"is {minimum}; the warm standby of {service.Name} in {secondary.Region} runs from {floor} ({ValueReader.EnumName(environment)}'s floor) "
                + $"to {full} (its full minimum there, which a region switch scales it up to): allowed {floor} to {full}");
        }
    }

    /// <summary>The load balancer speaks TLS to every target that holds confidential or restricted data (PCI DSS 4.2.1, encryption in transit).</summary>
    private static void ValidateProtocol(ServiceDefinition service, DocumentContext context)
    {
        if (service.Protocol == TargetProtocol.Http && service.DataClassification >= DataClassification.Confidential)
        {
            context.Error(KeyPath.Child(KeyPath.Child(StackConfigReader.Qualified(StackConfigKeys.Services), service.Name), "protocol"),
                $"is http, but {service.Name} holds {ValueReader.EnumName(service.DataClassification)} data; the load balancer speaks TLS to its targets: "
                + "use https (the default), or http only for public or internal data");
        }
    }

    /// <summary>Nothing leaves the VPC but through the egress proxy: a service that names an outside destination needs one.</summary>
    private static void ValidateEgress(ServiceDefinition service, RegionNetwork? network, DocumentContext context)
    {
        if (service.Egress.Count == 0 || network is null || network.EgressProxy is not null)
        {
            return;
        }
        context.Error(KeyPath.Child(KeyPath.Child(StackConfigReader.Qualified(StackConfigKeys.Services), service.Name), "egress"),
            $"lists destinations outside the VPC ({string.Join(", ", service.Egress)}), but the network of {network.Region} declares no egressProxy; "
            + $"declare {StackConfigReader.Qualified(StackConfigKeys.Networks)}.{network.Region}.egressProxy or remove them: fleets reach the internet only through the proxy");
    }

    private static void ValidateIam(ServiceDefinition service, DocumentContext context)
    {
        var path = KeyPath.Child(KeyPath.Child(StackConfigReader.Qualified(StackConfigKeys.Services), service.Name), "iam");
        for (var i = 0; i < service.Iam.Count; i++)
        {
            var statement = service.Iam[i];
            var statementPath = KeyPath.Item(path, i);
            RequireSome(statement.Actions, KeyPath.Child(statementPath, "actions"), "action", context);
            RequireSome(statement.Resources, KeyPath.Child(statementPath, "resources"), "resource", context);
            if (!statement.HasWildcard)
            {
                continue;
            }
            if (statement.Justification is null)
            {
                foreach (var (list, key) in new[] { (statement.Actions, "actions"), (statement.Resources, "resources") })
                {
                    for (var j = 0; j < list.Count; j++)
                    {
                        if (IamStatement.IsWildcard(list[j]))
                        {
                            context.Error(KeyPath.Item(KeyPath.Child(statementPath, key), j),
                                $"'{list[j]}' is a wildcard; name the exact {key}, or add a justification to this statement saying why the wildcard is needed");
                        }
                    }
                }
            }
            else if (statement.Justification.Trim().Length < MinimumJustificationLength)
            {
                context.Error(KeyPath.Child(statementPath, "justification"),
                    $"'{statement.Justification}' is too short to justify a wildcard; write at least {MinimumJustificationLength} characters saying why it is needed");
            }
        }
    }

    private static void RequireSome(EquatableList<string> items, string path, string what, DocumentContext context)
    {
        if (items.Count == 0)
        {
            context.Error(path, $"lists no {what}; a statement names at least one");
        }
    }
}
