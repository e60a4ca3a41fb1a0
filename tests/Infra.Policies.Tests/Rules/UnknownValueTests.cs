using Infra.Blueprints.Definition;
using Infra.Policies.Model;
using Infra.Policies.Rules;
using Infra.Policies.Rules.Compute;
using Infra.Policies.Rules.Encryption;
using Infra.Policies.Rules.Governance;
using Infra.Policies.Rules.LoadBalancing;
using Infra.Policies.Rules.Messaging;
using Infra.Policies.Rules.Network;
using Infra.Policies.Rules.Vault;
using Infra.Policies.Tests.Support;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules;

/// <summary>
/// During a preview, outputs of resources still to be created are unknown. A rule that cannot decide from what is
/// known reports nothing: an unknown value never fails a resource (nor passes what is known to be wrong).
/// </summary>
public sealed class UnknownValueTests
{
    private const string Unknown = "\"04da6b54-80e4-46f7-96ec-b56ff0331ba9\"";
    private const string Tags = GoodTags;

    public static TheoryData<string, string, string> Undecidable => new()
    {
        { EncryptedVolumesRule.Code, "aws:ebs/volume:Volume", $$"""{"size":100,"encrypted":{{Unknown}},"tags":{{Tags}}}""" },
        { EncryptedVolumesRule.Code, "aws:ec2/instance:Instance", $$"""{"rootBlockDevice":{{Unknown}},"tags":{{Tags}}}""" },
        { EncryptedVolumesRule.Code, "aws:ec2/launchTemplate:LaunchTemplate", $$"""{"blockDeviceMappings":[{"deviceName":"/dev/xvda","ebs":{{Unknown}}}]}""" },
        { ImdsV2RequiredRule.Code, "aws:ec2/launchTemplate:LaunchTemplate", $$"""{"metadataOptions":{{Unknown}}}""" },
        { SecurityGroupAdminPortsRule.Code, "aws:ec2/securityGroup:SecurityGroup", $$"""{"ingress":[{"protocol":"tcp","fromPort":{{Unknown}},"toPort":{{Unknown}},"cidrBlocks":["0.0.0.0/0"]}]}""" },
        { SecurityGroupAdminPortsRule.Code, "aws:ec2/securityGroup:SecurityGroup", $$"""{"ingress":[{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":[{{Unknown}}]}]}""" },
        { KmsKeyRotationRule.Code, "aws:kms/key:Key", $$"""{"enableKeyRotation":{{Unknown}}}""" },
        { AutoscalingElbHealthCheckRule.Code, "aws:autoscaling/group:Group", $$"""{"targetGroupArns":["arn:aws:elasticloadbalancing:eu-west-3:1:targetgroup/ledger/1"],"healthCheckType":{{Unknown}}}""" },
        { LbDropInvalidHeadersRule.Code, "aws:lb/loadBalancer:LoadBalancer", $$"""{"loadBalancerType":"application","dropInvalidHeaderFields":{{Unknown}}}""" },
        { LbListenerHttpsRule.Code, "aws:lb/listener:Listener", $$"""{"protocol":"HTTP","defaultActions":{{Unknown}}}""" },
        { KafkaBoundedRetentionRule.Code, "kafka:index/topic:Topic", $$"""{"name":"payments","config":{{Unknown}}}""" },
        { KafkaMinInSyncReplicasRule.Code, "kafka:index/topic:Topic", $$$"""{"name":"payments","replicationFactor":3,"config":{"min.insync.replicas":{{{Unknown}}}}}""" },
        { VaultAwsAuthRoleTtlRule.Code, "vault:aws/authBackendRole:AuthBackendRole", $$"""{"role":"ledger","tokenTtl":{{Unknown}},"tokenMaxTtl":{{Unknown}}}""" },
        { VaultDatabaseRoleTtlRule.Code, "vault:database/secretBackendRole:SecretBackendRole", $$"""{"name":"ledger","defaultTtl":{{Unknown}},"maxTtl":{{Unknown}}}""" },
        { VaultStaticRoleRotationRule.Code, "vault:database/secretBackendStaticRole:SecretBackendStaticRole", $$"""{"name":"ledger","rotationPeriod":{{Unknown}}}""" },
        { MandatoryTagsRule.Code, "aws:ec2/securityGroup:SecurityGroup", $$"""{"tags":{{Unknown}}}""" },
        { MandatoryTagsRule.Code, "aws:ec2/securityGroup:SecurityGroup", $$$"""{"tags":{"service":"ledger","team":"core-banking","environment":"production","cost-center":{{{Unknown}}},"data-classification":"restricted","managed-by":"pulumi"}}""" },
    };

    [Theory]
    [MemberData(nameof(Undecidable))]
    public void A_rule_reports_nothing_it_cannot_decide(string ruleId, string type, string inputs)
    {
        var rule = RuleCatalog.Find(ruleId)!;

        var findings = rule.Evaluate(new ResourceSet([Resource(type, "preview", inputs)]), Context(EnvironmentKind.Production)).ToList();

        Assert.Empty(findings);
    }

    [Fact]
    public void What_is_known_to_be_wrong_is_still_reported_beside_unknown_values()
    {
        var rule = RuleCatalog.Find(SecurityGroupAdminPortsRule.Code)!;
        var group = Resource("aws:ec2/securityGroup:SecurityGroup", "bastion",
            $$"""{"name":{{Unknown}},"ingress":[{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/0"]}]}""");

        var findings = rule.Evaluate(new ResourceSet([group]), Context(EnvironmentKind.Production)).ToList();

        Assert.Single(findings);
    }

    [Fact]
    public void A_field_or_item_of_an_unknown_value_is_unknown()
    {
        var tree = Tree($$"""{"metadataOptions":{{Unknown}}}""");

        Assert.True(tree.At("metadataOptions.httpTokens").IsUnknown);
        Assert.True(tree["metadataOptions"]["httpTokens"].IsUnknown);
        Assert.True(tree["metadataOptions"][0].IsUnknown);
        Assert.Equal(PropertyKind.Null, tree.At("missing.httpTokens").Kind);
    }
}
