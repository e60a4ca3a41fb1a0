using Infra.Blueprints.Fleets;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using static Infra.Components.Tests.InputTree;

namespace Infra.Components.Tests;

/// <summary>The fleet maps its blueprint to resources one for one, parented to it and named from it.</summary>
public sealed class ServiceFleetTests
{
    private const string Name = "payments-api";

    private static readonly string[] MandatoryTags = ["service", "team", "environment", "cost-center", "data-classification", "managed-by"];

    private static async Task<(FleetMocks Mocks, OneFleetProgram Stack)> Deploy()
    {
        var mocks = new FleetMocks();
        var resources = await Deployment.TestAsync<OneFleetProgram>(mocks.Engine, new TestOptions { IsPreview = false });
        return (mocks, resources.OfType<OneFleetProgram>().Single());
    }

    [Fact]
    public async Task Creates_one_resource_of_each_kind_and_every_rule_with_a_known_peer()
    {
        var (mocks, stack) = await Deploy();
        var rules = stack.Blueprint.SecurityGroup.Rules.Where(r => r.Peer.Kind != RulePeerKind.Fleet).ToList();

        foreach (var type in new[]
        {
            "aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy", "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "aws:iam/instanceProfile:InstanceProfile", "aws:ec2/securityGroup:SecurityGroup", "aws:lb/targetGroup:TargetGroup",
            "aws:lb/listenerRule:ListenerRule", "aws:ec2/launchTemplate:LaunchTemplate", "aws:autoscaling/group:Group",
            "consul:index/configEntryServiceDefaults:ConfigEntryServiceDefaults",
            "consul:index/configEntryServiceIntentions:ConfigEntryServiceIntentions",
        })
        {
            Assert.Single(mocks.OfType(type));
        }
        Assert.Equal(rules.Count(r => r.Direction == RuleDirection.Ingress), mocks.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").Count);
        Assert.Equal(rules.Count(r => r.Direction == RuleDirection.Egress), mocks.OfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").Count);
    }

    [Fact]
    public async Task Children_are_parented_to_the_fleet_and_named_from_it()
    {
        var (mocks, stack) = await Deploy();

        Assert.NotEmpty(stack.Children);
        Assert.All(stack.Children, child => Assert.Same(stack.Fleet, child.Parent));
        Assert.All(mocks.Declared, r => Assert.StartsWith(Name + "-", r.Name, StringComparison.Ordinal));
        Assert.Equal(mocks.Declared.Count, stack.Children.Count);
    }

    [Fact]
    public async Task Children_use_the_explicit_providers()
    {
        var (mocks, _) = await Deploy();

        Assert.All(mocks.Declared.Where(r => r.Type?.StartsWith("aws:", StringComparison.Ordinal) == true), r => Assert.Contains("aws-eu-west-3", r.Provider, StringComparison.Ordinal));
        Assert.All(mocks.Declared.Where(r => r.Type?.StartsWith("consul:", StringComparison.Ordinal) == true), r => Assert.Contains("consul-stg-par", r.Provider, StringComparison.Ordinal));
        Assert.Equal(2, mocks.Declared.Count(r => r.Type?.StartsWith("consul:", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Launch_template_requires_imdsv2_encrypts_the_root_volume_and_has_no_public_address()
    {
        var (mocks, _) = await Deploy();
        var template = mocks.Single("aws:ec2/launchTemplate:LaunchTemplate", Name + "-lt").Inputs;

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
    public async Task Group_is_replaced_on_the_load_balancer_verdict_and_refreshes_on_a_new_template()
    {
        var (mocks, stack) = await Deploy();
        var group = mocks.Single("aws:autoscaling/group:Group", Name + "-asg").Inputs;

        Assert.Equal("ELB", group["healthCheckType"]);
        Assert.Equal(300.0, group["healthCheckGracePeriod"]);
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
    public async Task Every_resource_that_takes_tags_carries_the_mandatory_tags()
    {
        var (mocks, _) = await Deploy();

        foreach (var resource in mocks.Created.Where(r => r.Inputs.ContainsKey("tags") && r.Type != "aws:autoscaling/group:Group"))
        {
            var tags = Map(resource.Inputs, "tags");
            Assert.All(MandatoryTags, key => Assert.Contains(key, tags));
        }
        var groupTags = List(mocks.Single("aws:autoscaling/group:Group", Name + "-asg").Inputs["tags"]).Select(Map).ToList();
        Assert.All(groupTags, t => Assert.True(t["propagateAtLaunch"] is true));
        Assert.Contains(groupTags, t => Equals(t["key"], "cost-center") && Equals(t["value"], "CC-4100"));
    }

    [Fact]
    public async Task No_ingress_from_anywhere()
    {
        var (mocks, _) = await Deploy();

        Assert.All(mocks.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"),
            r => Assert.NotEqual("0.0.0.0/0", r.Inputs.GetValueOrDefault("cidrIpv4")));
    }

    [Fact]
    public async Task Target_group_checks_health_and_the_rule_routes_the_host_name()
    {
        var (mocks, stack) = await Deploy();
        var targetGroup = mocks.Single("aws:lb/targetGroup:TargetGroup", Name + "-tg").Inputs;
        var rule = mocks.Single("aws:lb/listenerRule:ListenerRule", Name + "-rule").Inputs;

        Assert.Equal("HTTPS", targetGroup["protocol"]);
        Assert.Equal("/health/ready", Map(targetGroup, "healthCheck")["path"]);
        Assert.Equal(30.0, targetGroup["deregistrationDelay"]);
        Assert.Equal((double)stack.Blueprint.ListenerRule.Priority, rule["priority"]);
        Assert.Equal("payments-api.stg.example-bank.eu", List(Map(First(rule, "conditions"), "hostHeader")["values"])[0]);
    }

    [Fact]
    public async Task Intentions_allow_the_callers_and_deny_the_rest()
    {
        var (mocks, _) = await Deploy();
        var sources = List(mocks.Single("consul:index/configEntryServiceIntentions:ConfigEntryServiceIntentions", Name + "-intentions").Inputs["sources"]).Select(Map).ToList();

        Assert.Contains(sources, s => Equals(s["name"], "back-office") && Equals(s["action"], "allow"));
        Assert.Contains(sources, s => Equals(s["name"], "*") && Equals(s["action"], "deny"));
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
    public async Task A_fleet_without_a_consul_provider_is_refused()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deployment.TestAsync<NoConsulProviderProgram>(new FleetMocks().Engine, new TestOptions { IsPreview = false }));

        Assert.Contains("Pulumi.Consul.Provider", error.ToString(), StringComparison.Ordinal);
    }
}
