using Infra.Blueprints.Aws;
using Infra.Components.Fleets;
using Infra.Components.Tests.Support;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using static Infra.Components.Tests.InputTree;

namespace Infra.Components.Tests.Fleets;

/// <summary>The fleet maps its blueprint to resources one for one, parented to it and named from it.</summary>
public sealed class ServiceFleetTests
{
    private const string Name = "payments-api-eu-west-3";

    private static readonly string[] MandatoryTags = ["service", "team", "environment", "cost-center", "data-classification", "managed-by"];

    private static readonly string[] PeerKeys = ["cidrIpv4", "prefixListId", "referencedSecurityGroupId"];

    private const string Ingress = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string Egress = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    private static async Task<(RecordingMocks Mocks, OneFleetProgram Stack)> Deploy()
    {
        var mocks = new RecordingMocks();
        var resources = await Deployment.TestAsync<OneFleetProgram>(mocks, new TestOptions { IsPreview = false });
        return (mocks, resources.OfType<OneFleetProgram>().Single());
    }

    [Fact]
    public async Task Creates_one_resource_of_each_kind_and_every_rule_with_a_known_peer()
    {
        var (mocks, stack) = await Deploy();
        var rules = stack.Blueprint.SecurityGroup.Rules.Where(r => !r.Peer.IsStackResource).ToList();

        foreach (var type in new[]
        {
            "aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy",
            "aws:iam/instanceProfile:InstanceProfile", "aws:ec2/securityGroup:SecurityGroup", "aws:lb/targetGroup:TargetGroup",
            "aws:lb/listenerRule:ListenerRule", "aws:ec2/launchTemplate:LaunchTemplate", "aws:autoscaling/group:Group",
            "aws:autoscaling/policy:Policy",
        })
        {
            Assert.Single(Own(mocks, type));
        }
        Assert.Equal(rules.Count(r => r.Direction == RuleDirection.Ingress), Own(mocks, Ingress).Count);
        Assert.Equal(rules.Count(r => r.Direction == RuleDirection.Egress), Own(mocks, Egress).Count);
    }

    [Fact]
    public async Task Children_are_parented_to_the_fleet_and_named_from_it()
    {
        var (mocks, stack) = await Deploy();

        Assert.NotEmpty(stack.Children);
        Assert.All(stack.Children, child => Assert.Same(stack.Fleet, child.Parent));
        var declared = mocks.Declared.Where(r => r.Name?.StartsWith("endpoints-", StringComparison.Ordinal) != true).ToList();
        Assert.All(declared, r => Assert.StartsWith(Name + "-", r.Name, StringComparison.Ordinal));
        Assert.Equal(declared.Count, stack.Children.Count);
    }

    [Fact]
    public async Task Children_use_the_explicit_provider()
    {
        var (mocks, _) = await Deploy();

        Assert.NotEmpty(mocks.Declared);
        Assert.All(mocks.Declared, r => Assert.Contains("aws-eu-west-3", r.Provider, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Launch_template_requires_imdsv2_encrypts_the_root_volume_and_has_no_public_address()
    {
        var (mocks, _) = await Deploy();
        var template = mocks.Resource("aws:ec2/launchTemplate:LaunchTemplate", Name + "-lt").Inputs;

        var metadata = Map(template, "metadataOptions");
        Assert.Equal("required", metadata["httpTokens"]);
        Assert.Equal(1.0, metadata["httpPutResponseHopLimit"]);
        var ebs = Map(First(template, "blockDeviceMappings"), "ebs");
        Assert.Equal("true", ebs["encrypted"]);
        Assert.Equal("alias/infra-staging", ebs["kmsKeyId"]);
        Assert.Equal("false", First(template, "networkInterfaces")["associatePublicIpAddress"]);
        Assert.True(Map(template, "monitoring")["enabled"] is true);
        Assert.Equal("ami-0c4e9a1d7b3f52e86", template["imageId"]);
    }

    [Fact]
    public async Task Group_is_replaced_on_liveness_names_its_liveness_check_and_refreshes_on_a_new_template()
    {
        var (mocks, stack) = await Deploy();
        var group = mocks.Resource("aws:autoscaling/group:Group", Name + "-asg").Inputs;

        Assert.Equal("EC2", group["healthCheckType"]);
        Assert.Equal((double)stack.Blueprint.AutoScaling.HealthCheckGracePeriodSeconds, group["healthCheckGracePeriod"]);
        Assert.Contains(List(group["tags"]).Select(Map), t => Equals(t["key"], "liveness-check") && Equals(t["value"], "/health/live"));
        Assert.Equal((double)stack.Blueprint.Capacity.Min, group["minSize"]);
        Assert.Equal((double)stack.Blueprint.Capacity.Desired, group["desiredCapacity"]);
        Assert.Equal((double)stack.Blueprint.Capacity.Max, group["maxSize"]);
        Assert.Equal(3, List(group["vpcZoneIdentifiers"]).Count);
        Assert.Equal("1", Map(group, "launchTemplate")["version"]);
        var refresh = Map(group, "instanceRefresh");
        Assert.Equal("Rolling", refresh["strategy"]);
        Assert.True(Map(refresh, "preferences")["autoRollback"] is true);
        Assert.Equal(100.0, Map(refresh, "preferences")["minHealthyPercentage"]);
    }

    [Fact]
    public async Task Target_tracking_owns_the_desired_count_after_the_group_is_created()
    {
        var (_, stack) = await Deploy();

        var group = Assert.Single(stack.Children, c => c.Resource is Pulumi.Aws.AutoScaling.Group);
        Assert.Equal(["desiredCapacity"], group.Options.IgnoreChanges);
        Assert.All(stack.Children.Where(c => c.Resource is not Pulumi.Aws.AutoScaling.Group), c => Assert.Empty(c.Options.IgnoreChanges));
    }

    [Fact]
    public async Task Target_tracking_holds_the_requests_per_target_of_the_target_utilisation_on_the_fleets_target_group()
    {
        var (mocks, stack) = await Deploy();
        var policy = mocks.Resource("aws:autoscaling/policy:Policy", Name + "-tracking").Inputs;
        var tracking = Map(policy, "targetTrackingConfiguration");
        var metric = Map(tracking, "predefinedMetricSpecification");

        Assert.Equal(Name + "-asg", policy["autoscalingGroupName"]);
        Assert.Equal("TargetTrackingScaling", policy["policyType"]);
        Assert.Equal("ALBRequestCountPerTarget", metric["predefinedMetricType"]);
        Assert.Equal($"app/internal-staging/687ed44318b6d29d/{RecordingMocks.TargetGroupArnSuffix(Name + "-tg")}", metric["resourceLabel"]);
        Assert.Equal((double)(stack.Blueprint.Capacity.TargetRpsPerInstance * 60), tracking["targetValue"]);
        Assert.Equal((double)stack.Blueprint.AutoScaling.HealthCheckGracePeriodSeconds, policy["estimatedInstanceWarmup"]);
    }

    [Fact]
    public async Task Every_resource_that_takes_tags_carries_the_mandatory_tags()
    {
        var (mocks, _) = await Deploy();

        foreach (var resource in mocks.Registered.Where(r => r.Inputs.ContainsKey("tags") && r.Type != "aws:autoscaling/group:Group"))
        {
            var tags = Map(resource.Inputs, "tags");
            Assert.All(MandatoryTags, key => Assert.Contains(key, tags));
        }
        var groupTags = List(mocks.Resource("aws:autoscaling/group:Group", Name + "-asg").Inputs["tags"]).Select(Map).ToList();
        Assert.All(groupTags, t => Assert.True(t["propagateAtLaunch"] is true));
        Assert.Contains(groupTags, t => Equals(t["key"], "cost-center") && Equals(t["value"], "CC-4100"));
    }

    [Fact]
    public async Task No_ingress_from_anywhere()
    {
        var (mocks, _) = await Deploy();

        Assert.All(Own(mocks, Ingress),
            r => Assert.NotEqual("0.0.0.0/0", r.Inputs.GetValueOrDefault("cidrIpv4")));
    }

    [Fact]
    public async Task Target_group_checks_health_and_the_rule_routes_the_host_name()
    {
        var (mocks, stack) = await Deploy();
        var targetGroup = mocks.Resource("aws:lb/targetGroup:TargetGroup", Name + "-tg").Inputs;
        var rule = mocks.Resource("aws:lb/listenerRule:ListenerRule", Name + "-rule").Inputs;

        Assert.Equal("HTTPS", targetGroup["protocol"]);
        Assert.Equal("/health/ready", Map(targetGroup, "healthCheck")["path"]);
        Assert.Equal(30.0, targetGroup["deregistrationDelay"]);
        Assert.Equal((double)stack.Blueprint.ListenerRule.Priority, rule["priority"]);
        Assert.Equal("payments-api.stg.example-bank.eu", List(Map(First(rule, "conditions"), "hostHeader")["values"])[0]);
    }

    [Fact]
    public async Task A_fleet_registers_nothing_in_consul_its_security_group_is_the_control()
    {
        var (mocks, _) = await Deploy();

        Assert.DoesNotContain(mocks.Registered, r => r.Type!.StartsWith("consul:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outputs_name_the_group_target_group_security_group_and_role()
    {
        var (_, stack) = await Deploy();

        Assert.Equal(Name + "-asg", await OutputUtilities.GetValueAsync(stack.Fleet.GroupName));
        Assert.Equal("arn:aws:mock:eu-west-3:111122223333:" + Name + "-tg", await OutputUtilities.GetValueAsync(stack.Fleet.TargetGroupArn));
        Assert.Equal(Name + "-sg-id", await OutputUtilities.GetValueAsync(stack.Fleet.SecurityGroupId));
        Assert.Equal("arn:aws:mock:eu-west-3:111122223333:" + Name + "-role", await OutputUtilities.GetValueAsync(stack.Fleet.RoleArn));
    }

    [Fact]
    public async Task A_fleet_without_an_aws_provider_is_refused()
    {
        var blueprint = StagingFleets.Blueprints().Single(b => b.Name == Name);

        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
        {
            _ = new ServiceFleet(Name, new ServiceFleetArgs { Blueprint = blueprint, Aws = null!, Endpoints = null! });
        });

        Assert.Equal("args", error.ParamName);
        Assert.StartsWith("[Aws] is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pulumi.Aws.Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fleet_requires_its_blueprint()
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
        {
            var aws = new Pulumi.Aws.Provider("aws-eu-west-3", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" });
            _ = new ServiceFleet(Name, new ServiceFleetArgs { Blueprint = null!, Aws = aws, Endpoints = StagingFleets.Endpoints(aws) });
        });

        Assert.Equal("args", error.ParamName);
        Assert.StartsWith("[Blueprint] is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fleet_requires_its_args()
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentNullException>(() => _ = new ServiceFleet(Name, null!));

        Assert.Equal("args", error.ParamName);
    }

    [Fact]
    public async Task Tagged_resources_carry_exactly_the_blueprint_tags()
    {
        var (mocks, stack) = await Deploy();
        var expected = stack.Blueprint.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

        foreach (var type in new[]
        {
            "aws:iam/role:Role", "aws:iam/instanceProfile:InstanceProfile", "aws:ec2/securityGroup:SecurityGroup", Ingress, Egress,
            "aws:lb/targetGroup:TargetGroup", "aws:lb/listenerRule:ListenerRule", "aws:ec2/launchTemplate:LaunchTemplate",
        })
        {
            Assert.NotEmpty(Own(mocks, type));
            Assert.All(Own(mocks, type), r => Assert.Equal(expected, Strings(Map(r.Inputs, "tags"))));
        }
    }

    [Fact]
    public async Task Instances_and_volumes_launched_from_the_template_carry_the_blueprint_tags()
    {
        var (mocks, stack) = await Deploy();
        var expected = stack.Blueprint.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

        var specifications = List(mocks.Resource("aws:ec2/launchTemplate:LaunchTemplate", Name + "-lt").Inputs["tagSpecifications"]).Select(Map).ToList();

        Assert.Equal(["instance", "volume"], specifications.Select(s => (string)s["resourceType"]).Order(StringComparer.Ordinal));
        Assert.All(specifications, s => Assert.Equal(expected, Strings(Map(s, "tags"))));
    }

    [Fact]
    public async Task Group_tags_are_exactly_the_blueprint_tags()
    {
        var (mocks, stack) = await Deploy();

        var groupTags = List(mocks.Resource("aws:autoscaling/group:Group", Name + "-asg").Inputs["tags"]).Select(Map).ToList();

        Assert.Equal(
            stack.Blueprint.AutoScaling.Tags.Select(t => (t.Key, t.Value)).Order(),
            groupTags.Select(t => ((string)t["key"], (string)t["value"])).Order());
    }

    [Fact]
    public async Task Launch_template_uses_the_fleets_own_instance_profile()
    {
        var (mocks, _) = await Deploy();
        var template = mocks.Resource("aws:ec2/launchTemplate:LaunchTemplate", Name + "-lt").Inputs;

        Assert.Equal("arn:aws:mock:eu-west-3:111122223333:" + Name + "-profile", Map(template, "iamInstanceProfile")["arn"]);
        Assert.Equal(Name + "-role", mocks.Resource("aws:iam/instanceProfile:InstanceProfile", Name + "-profile").Inputs["role"]);
    }

    [Fact]
    public async Task Instances_get_only_the_fleets_security_group()
    {
        var (mocks, _) = await Deploy();
        var template = mocks.Resource("aws:ec2/launchTemplate:LaunchTemplate", Name + "-lt").Inputs;

        Assert.Equal([Name + "-sg-id"], List(First(template, "networkInterfaces")["securityGroups"]).Cast<string>());
        Assert.False(template.ContainsKey("vpcSecurityGroupIds"));
        Assert.False(template.ContainsKey("securityGroupNames"));
    }

    [Fact]
    public async Task Instance_role_trusts_what_the_blueprint_says()
    {
        var (mocks, stack) = await Deploy();

        Assert.Equal(stack.Blueprint.Role.AssumeRolePolicy, mocks.Resource("aws:iam/role:Role", Name + "-role").Inputs["assumeRolePolicy"]);
    }

    [Fact]
    public async Task Instance_role_gets_the_blueprint_inline_policy_and_no_managed_policy()
    {
        var (mocks, stack) = await Deploy();

        var inline = Assert.Single(Own(mocks, "aws:iam/rolePolicy:RolePolicy")).Inputs;
        Assert.Equal(stack.Blueprint.Role.InlinePolicy, inline["policy"]);
        Assert.Equal(Name + "-role", inline["role"]);
        Assert.Empty(Own(mocks, "aws:iam/rolePolicyAttachment:RolePolicyAttachment"));
        Assert.False(mocks.Resource("aws:iam/role:Role", Name + "-role").Inputs.ContainsKey("managedPolicyArns"));
    }

    [Fact]
    public async Task Each_rule_opens_only_its_port_to_only_its_peer()
    {
        var (mocks, stack) = await Deploy();
        var rules = stack.Blueprint.SecurityGroup.Rules.Where(r => !r.Peer.IsStackResource).ToList();

        Assert.Contains(rules, r => r.Peer.Kind == RulePeerKind.Cidr);
        Assert.Contains(rules, r => r.Peer.Kind == RulePeerKind.SecurityGroup);
        Assert.Contains(rules, r => r.Peer == RulePeer.InterfaceEndpoints);
        Assert.Contains(rules, r => r.Peer == RulePeer.S3Gateway);
        foreach (var rule in rules)
        {
            var inputs = mocks.Resource(rule.Direction == RuleDirection.Ingress ? Ingress : Egress, $"{Name}-{rule.Key}").Inputs;
            Assert.Equal(Name + "-sg-id", inputs["securityGroupId"]);
            Assert.Equal(rule.Protocol, inputs["ipProtocol"]);
            Assert.Equal((double)rule.Port, inputs["fromPort"]);
            Assert.Equal((double)rule.Port, inputs["toPort"]);
            var peerKey = rule.Peer.Kind == RulePeerKind.Cidr ? "cidrIpv4" : rule.Peer.IsPrefixList ? "prefixListId" : "referencedSecurityGroupId";
            var expected = rule.Peer == RulePeer.InterfaceEndpoints ? "endpoints-eu-west-3-sg-id"
                : rule.Peer == RulePeer.S3Gateway ? RecordingMocks.PrefixListOf("endpoints-eu-west-3-s3")
                : rule.Peer.Value;
            Assert.Equal(expected, inputs.GetValueOrDefault(peerKey));
            Assert.Single(PeerKeys, inputs.ContainsKey);
        }
    }

    /// <summary>The resources of <paramref name="type"/> that the fleet made (the program also makes the region's VPC endpoints).</summary>
    private static List<Pulumi.Testing.MockResourceArgs> Own(RecordingMocks mocks, string type) =>
        [.. mocks.OfType(type).Where(r => r.Name?.StartsWith(Name + "-", StringComparison.Ordinal) == true)];

    private static Dictionary<string, string> Strings(IReadOnlyDictionary<string, object> map) =>
        map.ToDictionary(e => e.Key, e => (string)e.Value, StringComparer.Ordinal);
}
