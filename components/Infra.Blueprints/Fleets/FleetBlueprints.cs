using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Monitoring;
using Infra.Blueprints.Validation;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.Fleets;

/// <summary>Builds the fleet blueprints of a stack, one per service and region: a pure function of the definition.</summary>
public static class FleetBlueprints
{
    /// <summary>How long the application may take to start once the agents run; the image is pre-baked.</summary>
    public const int ApplicationStartSeconds = 180;

    /// <summary>
    /// The grace period covers a whole boot: the longest wait for secrets, then the application's
    /// start. A failed boot does not wait for it (it reports itself Unhealthy at once).
    /// </summary>
    public const int HealthCheckGracePeriodSeconds = UserDataTemplate.SecretsTimeoutSeconds + ApplicationStartSeconds;

    /// <summary>Replacement follows the instance's own liveness report, not the load balancer's readiness check.</summary>
    public const string HealthCheckType = "EC2";

    /// <summary>Requests of a bank API end well within this; the load balancer's default (300 s) would only slow every refresh.</summary>
    public const int DeregistrationDelaySeconds = 30;

    /// <summary>Our Packer images are Amazon Linux 2023: its root device, and room for logs between rotations.</summary>
    public const string RootDeviceName = "/dev/xvda";

    public const int RootVolumeGiB = 30;

    /// <summary>
    /// Every service's fleet in both regions, the primary region's first: full size there, the warm
    /// standby (<c>standbyMinimum</c>) in the secondary. Both are always deployed, so a region switch
    /// changes only their sizes.
    /// </summary>
    public static EquatableList<FleetBlueprint> For(StackDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        // Validation reports these with their keys; a definition that was not validated is refused here.
        var (priority, shared) = ListenerPriorities.Collisions(definition.Services).FirstOrDefault();
        if (shared is not null)
        {
            throw new ArgumentException($"{string.Join(" and ", shared.Select(s => s.Name))} share listener priority {priority}", nameof(definition));
        }
        var primary = Network(definition, definition.Regions.Primary);
        var secondary = Network(definition, definition.Regions.Secondary);
        return definition.Services.Select(s => For(s, definition, primary, ListenerPriorities.Of(s), standby: false))
            .Concat(definition.Services.Select(s => For(s, definition, secondary, ListenerPriorities.Of(s), standby: true)))
            .ToEquatableList();
    }

    /// <summary>The full-size capacity of <paramref name="service"/>'s fleet over the zones of <paramref name="network"/>.</summary>
    public static FleetCapacity FullSize(ServiceDefinition service, RegionNetwork network, EnvironmentKind environment)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(network);
        return FleetCapacity.Compute(service.PeakRps, service.RpsPerInstance, service.TargetUtilisationPercent, network.Subnets.Count, environment);
    }

    private static RegionNetwork Network(StackDefinition definition, string region)
    {
        var network = definition.Networks.FirstOrDefault(n => n.Region == region)
            ?? throw new ArgumentException($"region {region} has no network", nameof(definition));
        var zones = network.Subnets.Count;
        var minimumZones = definition.Environment == EnvironmentKind.Production ? FleetSettingsValidator.ProductionMinimumZones : 2;
        if (zones < minimumZones)
        {
            throw new ArgumentException($"the network of {network.Region} has {zones} zone(s); {ValueReader.EnumName(definition.Environment)} fleets need at least {minimumZones}", nameof(definition));
        }
        return network;
    }

    private static FleetBlueprint For(ServiceDefinition service, StackDefinition definition, RegionNetwork network, int priority, bool standby)
    {
        var protocol = Protocol(service.Protocol);
        var join = ConsulJoin.CloudAutoJoin(network.Region, ConsulDatacenters.Of(definition, network.Region).Datacenter);
        var healthCheck = service.HealthCheck;
        // The load balancer requires the timeout to be shorter than the interval.
        var timeout = Math.Clamp(healthCheck.IntervalSeconds - 1, 2, 5);
        var liveness = new LivenessCheck(healthCheck.LivenessPath, protocol, service.Port, healthCheck.IntervalSeconds, timeout, healthCheck.UnhealthyThreshold);
        var tags = StandardTags.For(service.Name, service.Team, service.DataClassification, definition);
        var proxy = ProxySettings.For(service, definition, network);
        var fullSize = FullSize(service, network, definition.Environment);
        var standbyMinimum = service.StandbyMinimum ?? FleetCapacity.StandbyMinimum(definition.Environment);
        if (standby && standbyMinimum > fullSize.Min)
        {
            throw new ArgumentException($"{service.Name}'s standby minimum {standbyMinimum} is above its full minimum {fullSize.Min} in {network.Region}", nameof(definition));
        }
        var capacity = standby ? fullSize.AsStandby(standbyMinimum) : fullSize;
        var launchTemplate = new LaunchTemplateSettings(
            service.Image,
            service.InstanceType,
            new InstanceMetadataOptions(HttpEndpoint: "enabled", HttpTokens: "required", HttpPutResponseHopLimit: 1, InstanceMetadataTags: "disabled"),
            new RootVolume(RootDeviceName, RootVolumeGiB, "gp3", Encrypted: true, network.KmsKeyAlias, DeleteOnTermination: true),
            AssociatePublicIpAddress: false,
            DetailedMonitoring: true,
            UserDataTemplate.Render(service, definition.StackName, definition.Endpoints, join, network.Region, liveness, proxy));
        var autoScaling = new AutoScalingSettings(
            network.Subnets,
            HealthCheckType,
            HealthCheckGracePeriodSeconds,
            CapacityRebalance: true,
            new InstanceRefreshSettings(
                Strategy: "Rolling",
                MinHealthyPercentage: 100,
                // Launch before terminate, one zone's worth at a time: the room between min and max.
                MaxHealthyPercentage: Math.Min(200, (int)(100L * capacity.Max / capacity.Min)),
                InstanceWarmupSeconds: HealthCheckGracePeriodSeconds,
                AutoRollback: true,
                SkipMatching: true),
            new TargetTrackingSettings(
                "ALBRequestCountPerTarget",
                MonitoringBlueprints.LoadBalancerDimension(network.LoadBalancer.ListenerArn),
                capacity.TargetRpsPerInstance * 60,
                EstimatedInstanceWarmupSeconds: HealthCheckGracePeriodSeconds),
            liveness,
            [.. tags, new ResourceTag(AutoScalingSettings.LivenessTag, liveness.Path)]);
        var targetGroup = new TargetGroupSettings(
            network.VpcId,
            service.Port,
            protocol,
            TargetType: "instance",
            DeregistrationDelaySeconds,
            // The load balancer routes to ready instances only; it replaces none.
            new TargetHealthCheck(
                healthCheck.ReadinessPath,
                protocol,
                healthCheck.IntervalSeconds,
                timeout,
                healthCheck.HealthyThreshold,
                healthCheck.UnhealthyThreshold,
                Matcher: "200"));
        var callers = definition.Services.Where(s => s.DependsOn.Services.Contains(service.Name)).Select(s => s.Name).ToEquatableList();
        return new FleetBlueprint(
            FleetName(service.Name, network.Region),
            service.Name,
            standby,
            // The fleets ran in the primary region only and were named after their service.
            standby ? null : service.Name,
            service.Team,
            definition.StackName,
            definition.Environment,
            network.Region,
            service.Port,
            capacity,
            fullSize,
            launchTemplate,
            autoScaling,
            targetGroup,
            new ListenerRuleSettings(network.LoadBalancer.ListenerArn, priority, HostName(service.Name, definition.Endpoints)),
            new SecurityGroupSettings(network.VpcId, $"{service.Name} instances", FleetSecurityRules.For(service, definition, network), RevokeRulesOnDelete: true),
            Role(service, network.Region, join, ReportOwnHealth(service.Name, ValueReader.EnumName(definition.Environment), network), SsmAgentPermissions.For(service.DataClassification, definition.StackName, network)),
            new ConsulServiceSettings(service.Name, join),
            service.DependsOn.Services,
            callers,
            proxy,
            tags);
    }

    /// <summary>
    /// The instance role: the platform's statements (Consul's join first, then the health report and the
    /// SSM agent's), then the service's declared ones; no managed policy.
    /// </summary>
    private static InstanceRoleSettings Role(ServiceDefinition service, string region, ConsulJoin join, PolicyStatement healthReport, IEnumerable<PolicyStatement> ssmAgent)
    {
        EquatableList<PolicyStatement> statements = [join.Permission, healthReport, .. ssmAgent, .. IamPolicyDocuments.Declared(service.Iam)];
        return new InstanceRoleSettings(
            IamPolicyDocuments.Ec2AssumeRole(),
            statements,
            IamPolicyDocuments.Allow(statements),
            VaultAuthRole: VaultNames.FleetAuthRole(service.Name, region));
    }

    /// <summary>
    /// The liveness watchdog and a failed boot mark their instance Unhealthy: only in groups of the
    /// fleet's region and account tagged with its service and environment (the group's name is
    /// Pulumi's, unknown here), which is its own group.
    /// </summary>
    public static PolicyStatement ReportOwnHealth(string service, string environment, RegionNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new PolicyStatement(
            "ReportOwnHealth",
            ["autoscaling:SetInstanceHealth"],
            [$"arn:aws:autoscaling:{network.Region}:{network.Account}:autoScalingGroup:*:autoScalingGroupName/*"],
            [
                new PolicyCondition("StringEquals", "autoscaling:ResourceTag/service", [service]),
                new PolicyCondition("StringEquals", "autoscaling:ResourceTag/environment", [environment]),
            ]);
    }

    /// <summary>A fleet's name, its component's: the service and the region it runs in.</summary>
    public static string FleetName(string service, string region) => $"{service}-{region}";

    /// <summary>The target group's protocol: what the load balancer speaks to the instances.</summary>
    public static string Protocol(TargetProtocol protocol) => protocol == TargetProtocol.Http ? "HTTP" : "HTTPS";

    /// <summary>
    /// The host name the shared load balancer routes to the fleet: the service's name in the
    /// environment's domain, which is the Vault endpoint's host less its first label
    /// (vault.stg.example-bank.eu gives payments-api.stg.example-bank.eu).
    /// </summary>
    public static string HostName(string service, PlatformEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var host = endpoints.Vault.Host;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? $"{service}.{host}" : service + host[dot..];
    }
}
