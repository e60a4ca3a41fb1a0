using System.Globalization;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Fleets;
using Infra.Components.Network;
using Pulumi;
using Pulumi.Aws.AutoScaling.Inputs;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;
using Pulumi.Aws.Iam;
using Pulumi.Aws.LB;
using Pulumi.Aws.LB.Inputs;

namespace Infra.Components.Fleets;

/// <summary>
/// One service's fleet in one region, mapped one for one from its <see cref="FleetBlueprint"/>: instance role and
/// profile, security group and the rules whose peers are known (the load balancer, CIDRs), target
/// group and listener rule, launch template, autoscaling group and its target tracking. Nothing in
/// Consul: the instances register themselves, and without Connect sidecars intentions would enforce
/// nothing, so the security groups are the control. Rules between fleets are made by
/// <see cref="FleetConnections"/> once every fleet exists. The provider comes from the args
/// (<see cref="ServiceFleetArgs"/>): the AWS provider of the fleet's region. Outputs: <see cref="GroupName"/>,
/// <see cref="TargetGroupArn"/>, <see cref="SecurityGroupId"/> (the peer of the rules between fleets and of
/// the databases' ingress), <see cref="RoleArn"/> (bound to the fleet's Vault AWS auth role) and <see cref="RoleName"/>.
/// </summary>
public sealed class ServiceFleet : ComponentResource
{
    public const string TypeToken = "infra:fleet:ServiceFleet";

    public ServiceFleet(string name, ServiceFleetArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, WithFormerName(options, args?.Blueprint))
    {
        ArgumentNullException.ThrowIfNull(args);
        var blueprint = RequiredArgs.Require(args.Blueprint, nameof(ServiceFleetArgs.Blueprint), "the fleet maps its blueprint");
        var aws = RequiredArgs.Require(args.Aws, nameof(ServiceFleetArgs.Aws), "the fleet's Pulumi.Aws.Provider, for its region");
        var endpoints = RequiredArgs.Require(args.Endpoints, nameof(ServiceFleetArgs.Endpoints), "the VPC endpoints of the fleet's region, where its HTTPS egress goes");
        var onAws = new CustomResourceOptions { Parent = this, Provider = aws };

        var (role, profile) = CreateRole(name, blueprint, onAws);
        var securityGroup = CreateSecurityGroup(name, blueprint, endpoints, onAws);
        var targetGroup = CreateTargetGroup(name, blueprint, onAws);
        var launchTemplate = CreateLaunchTemplate(name, blueprint, profile, securityGroup, onAws);
        var group = CreateAutoScalingGroup(name, blueprint, targetGroup, launchTemplate, onAws);
        CreateTargetTracking(name, blueprint, group, targetGroup, onAws);

        GroupName = group.Name;
        TargetGroupArn = targetGroup.Arn;
        SecurityGroupId = securityGroup.Id;
        RoleArn = role.Arn;
        RoleName = role.Name;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["groupName"] = GroupName,
            ["targetGroupArn"] = TargetGroupArn,
            ["securityGroupId"] = SecurityGroupId,
            ["roleArn"] = RoleArn,
            ["roleName"] = RoleName,
        });
    }

    /// <summary>The instance role with its one inline policy, and the instance profile the launch template names.</summary>
    private static (Role Role, InstanceProfile Profile) CreateRole(string name, FleetBlueprint blueprint, CustomResourceOptions onAws)
    {
        var tags = blueprint.Tags;
        var role = new Role($"{name}-role", new RoleArgs
        {
            AssumeRolePolicy = blueprint.Role.AssumeRolePolicy,
            Description = $"{blueprint.Name} instances",
            Tags = ResourceTags.Map(tags),
        }, onAws);
        _ = new RolePolicy($"{name}-policy", new RolePolicyArgs
        {
            Role = role.Name,
            Policy = blueprint.Role.InlinePolicy,
        }, onAws);
        var profile = new InstanceProfile($"{name}-profile", new InstanceProfileArgs
        {
            Role = role.Name,
            Tags = ResourceTags.Map(tags),
        }, onAws);
        return (role, profile);
    }

    /// <summary>
    /// The fleet's group and the rules whose peer is known here (CIDRs, existing groups and prefix
    /// lists, the VPC endpoints); rules to other fleets and to databases are <see cref="FleetConnections"/>'.
    /// </summary>
    private static SecurityGroup CreateSecurityGroup(string name, FleetBlueprint blueprint, VpcEndpoints endpoints, CustomResourceOptions onAws)
    {
        var tags = blueprint.Tags;
        var securityGroup = new SecurityGroup($"{name}-sg", new SecurityGroupArgs
        {
            VpcId = blueprint.SecurityGroup.VpcId,
            Description = blueprint.SecurityGroup.Description,
            RevokeRulesOnDelete = blueprint.SecurityGroup.RevokeRulesOnDelete,
            Tags = ResourceTags.Map(tags),
        }, onAws);
        foreach (var rule in blueprint.SecurityGroup.Rules.Where(r => !r.Peer.IsStackResource))
        {
            var peer = rule.Peer.Kind switch
            {
                RulePeerKind.SecurityGroup or RulePeerKind.PrefixList => rule.Peer.Value,
                RulePeerKind.Endpoints => endpoints.IdOf(rule.Peer),
                _ => (Input<string>?)null,
            };
            _ = SecurityRuleResources.Create($"{name}-{rule.Key}", rule, securityGroup.Id, peer, tags, onAws);
        }
        return securityGroup;
    }

    /// <summary>The target group and the listener rule that routes the service's host name to it.</summary>
    private static TargetGroup CreateTargetGroup(string name, FleetBlueprint blueprint, CustomResourceOptions onAws)
    {
        var tags = blueprint.Tags;
        var health = blueprint.TargetGroup.HealthCheck;
        var targetGroup = new TargetGroup($"{name}-tg", new TargetGroupArgs
        {
            VpcId = blueprint.TargetGroup.VpcId,
            Port = blueprint.TargetGroup.Port,
            Protocol = blueprint.TargetGroup.Protocol,
            TargetType = blueprint.TargetGroup.TargetType,
            DeregistrationDelay = blueprint.TargetGroup.DeregistrationDelaySeconds,
            HealthCheck = new TargetGroupHealthCheckArgs
            {
                Enabled = true,
                Path = health.Path,
                Port = "traffic-port",
                Protocol = health.Protocol,
                Interval = health.IntervalSeconds,
                Timeout = health.TimeoutSeconds,
                HealthyThreshold = health.HealthyThreshold,
                UnhealthyThreshold = health.UnhealthyThreshold,
                Matcher = health.Matcher,
            },
            Tags = ResourceTags.Map(tags),
        }, onAws);
        _ = new ListenerRule($"{name}-rule", new ListenerRuleArgs
        {
            ListenerArn = blueprint.ListenerRule.ListenerArn,
            Priority = blueprint.ListenerRule.Priority,
            Actions =
            {
                new ListenerRuleActionArgs { Type = "forward", TargetGroupArn = targetGroup.Arn },
            },
            Conditions =
            {
                new ListenerRuleConditionArgs
                {
                    HostHeader = new ListenerRuleConditionHostHeaderArgs { Values = { blueprint.ListenerRule.HostHeader } },
                },
            },
            Tags = ResourceTags.Map(tags),
        }, onAws);
        return targetGroup;
    }

    private static LaunchTemplate CreateLaunchTemplate(string name, FleetBlueprint blueprint, InstanceProfile profile, SecurityGroup securityGroup, CustomResourceOptions onAws)
    {
        var tags = blueprint.Tags;
        var template = blueprint.LaunchTemplate;
        var launchTemplate = new LaunchTemplate($"{name}-lt", new LaunchTemplateArgs
        {
            ImageId = template.ImageId,
            InstanceType = template.InstanceType,
            IamInstanceProfile = new LaunchTemplateIamInstanceProfileArgs { Arn = profile.Arn },
            MetadataOptions = new LaunchTemplateMetadataOptionsArgs
            {
                HttpEndpoint = template.Metadata.HttpEndpoint,
                HttpTokens = template.Metadata.HttpTokens,
                HttpPutResponseHopLimit = template.Metadata.HttpPutResponseHopLimit,
                InstanceMetadataTags = template.Metadata.InstanceMetadataTags,
            },
            BlockDeviceMappings =
            {
                new LaunchTemplateBlockDeviceMappingArgs
                {
                    DeviceName = template.RootVolume.DeviceName,
                    Ebs = new LaunchTemplateBlockDeviceMappingEbsArgs
                    {
                        VolumeSize = template.RootVolume.SizeGiB,
                        VolumeType = template.RootVolume.VolumeType,
                        // The provider takes these flags as the strings "true" and "false".
                        Encrypted = Flag(template.RootVolume.Encrypted),
                        KmsKeyId = template.RootVolume.KmsKeyAlias,
                        DeleteOnTermination = Flag(template.RootVolume.DeleteOnTermination),
                    },
                },
            },
            NetworkInterfaces =
            {
                new LaunchTemplateNetworkInterfaceArgs
                {
                    DeviceIndex = 0,
                    AssociatePublicIpAddress = Flag(template.AssociatePublicIpAddress),
                    DeleteOnTermination = Flag(true),
                    SecurityGroups = { securityGroup.Id },
                },
            },
            Monitoring = new LaunchTemplateMonitoringArgs { Enabled = template.DetailedMonitoring },
            UserData = template.UserDataBase64,
            UpdateDefaultVersion = true,
            TagSpecifications =
            {
                new LaunchTemplateTagSpecificationArgs { ResourceType = "instance", Tags = ResourceTags.Map(tags) },
                new LaunchTemplateTagSpecificationArgs { ResourceType = "volume", Tags = ResourceTags.Map(tags) },
            },
            Tags = ResourceTags.Map(tags),
        }, onAws);
        return launchTemplate;
    }

    private static Pulumi.Aws.AutoScaling.Group CreateAutoScalingGroup(string name, FleetBlueprint blueprint, TargetGroup targetGroup, LaunchTemplate launchTemplate, CustomResourceOptions onAws)
    {
        var scaling = blueprint.AutoScaling;
        var refresh = scaling.InstanceRefresh;
        // Iam has a Group too: the autoscaling one is named in full.
        var group = new Pulumi.Aws.AutoScaling.Group($"{name}-asg", new Pulumi.Aws.AutoScaling.GroupArgs
        {
            VpcZoneIdentifiers = scaling.Subnets.Select(s => s.SubnetId).ToList(),
            MinSize = blueprint.Capacity.Min,
            // The group starts here; then target tracking owns the desired count (ignored below).
            DesiredCapacity = blueprint.Capacity.Desired,
            MaxSize = blueprint.Capacity.Max,
            HealthCheckType = scaling.HealthCheckType,
            HealthCheckGracePeriod = scaling.HealthCheckGracePeriodSeconds,
            CapacityRebalance = scaling.CapacityRebalance,
            TargetGroupArns = { targetGroup.Arn },
            LaunchTemplate = new GroupLaunchTemplateArgs
            {
                Id = launchTemplate.Id,
                // A version number, not $Latest: a new version is a change of the group, which starts the instance refresh.
                Version = launchTemplate.LatestVersion.Apply(v => v.ToString(CultureInfo.InvariantCulture)),
            },
            InstanceRefresh = new GroupInstanceRefreshArgs
            {
                Strategy = refresh.Strategy,
                Preferences = new GroupInstanceRefreshPreferencesArgs
                {
                    MinHealthyPercentage = refresh.MinHealthyPercentage,
                    MaxHealthyPercentage = refresh.MaxHealthyPercentage,
                    InstanceWarmup = refresh.InstanceWarmupSeconds.ToString(CultureInfo.InvariantCulture),
                    AutoRollback = refresh.AutoRollback,
                    SkipMatching = refresh.SkipMatching,
                },
            },
            Tags = scaling.Tags.Select(t => new GroupTagArgs { Key = t.Key, Value = t.Value, PropagateAtLaunch = true }).ToList(),
        }, CustomResourceOptions.Merge(onAws, new CustomResourceOptions { IgnoreChanges = { "desiredCapacity" } }));
        return group;
    }

    /// <summary>The target tracking policy on the load balancer's requests per target, above the group's minimum.</summary>
    private static void CreateTargetTracking(string name, FleetBlueprint blueprint, Pulumi.Aws.AutoScaling.Group group, TargetGroup targetGroup, CustomResourceOptions onAws)
    {
        var tracking = blueprint.AutoScaling.TargetTracking;
        _ = new Pulumi.Aws.AutoScaling.Policy($"{name}-tracking", new Pulumi.Aws.AutoScaling.PolicyArgs
        {
            AutoscalingGroupName = group.Name,
            PolicyType = "TargetTrackingScaling",
            EstimatedInstanceWarmup = tracking.EstimatedInstanceWarmupSeconds,
            TargetTrackingConfiguration = new PolicyTargetTrackingConfigurationArgs
            {
                PredefinedMetricSpecification = new PolicyTargetTrackingConfigurationPredefinedMetricSpecificationArgs
                {
                    PredefinedMetricType = tracking.PredefinedMetricType,
                    ResourceLabel = targetGroup.ArnSuffix.Apply(suffix => $"{tracking.LoadBalancerArnSuffix}/{suffix}"),
                },
                TargetValue = (double)tracking.RequestsPerTargetPerMinute,
            },
        }, onAws);
    }

    /// <summary>
    /// The alias from the fleet's former name (<see cref="FleetBlueprint.FormerName"/>): its children,
    /// named from it, inherit it, so the fleet is renamed in the state, not recreated.
    /// </summary>
    private static ComponentResourceOptions? WithFormerName(ComponentResourceOptions? options, FleetBlueprint? blueprint)
    {
        if (blueprint?.FormerName is not { } former)
        {
            return options;
        }
        var aliased = ComponentResourceOptions.Merge(options, null);
        aliased.Aliases.Add(new Alias { Name = former });
        return aliased;
    }

    [Output("groupName")]
    public Output<string> GroupName { get; private set; }

    [Output("targetGroupArn")]
    public Output<string> TargetGroupArn { get; private set; }

    [Output("securityGroupId")]
    public Output<string> SecurityGroupId { get; private set; }

    [Output("roleArn")]
    public Output<string> RoleArn { get; private set; }

    /// <summary>The instance role's name: a temporary session grant's policy goes on it (<c>PeopleAccess</c>).</summary>
    [Output("roleName")]
    public Output<string> RoleName { get; private set; }

    private static string Flag(bool value) => value ? "true" : "false";
}
