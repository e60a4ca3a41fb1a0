using Infra.Policies.Rules.Compute;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Compute rules: EC2 instances, launch templates, volumes and autoscaling groups.</summary>
internal static class ComputeFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["imds: required tokens pass"] = new(ImdsV2RequiredRule.Code, false, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"metadataOptions":{"httpEndpoint":"enabled","httpTokens":"required","httpPutResponseHopLimit":1}}""")]),
        ["imds: optional tokens fail"] = new(ImdsV2RequiredRule.Code, true, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"metadataOptions":{"httpEndpoint":"enabled","httpTokens":"optional"}}""")], "'optional'"),
        ["imds: an instance without metadataOptions fails"] = new(ImdsV2RequiredRule.Code, true, Production,
            [Resource(Instance, "bastion", """{"ami":"ami-05d83e1fa2c79b460","instanceType":"t4g.small"}""")], "not set"),
        ["public ip: private interface passes"] = new(NoPublicIpRule.Code, false, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"networkInterfaces":[{"deviceIndex":0,"associatePublicIpAddress":"false","securityGroups":["sg-0svc"]}]}""")]),
        ["public ip: launch template string true fails"] = new(NoPublicIpRule.Code, true, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"networkInterfaces":[{"deviceIndex":0,"associatePublicIpAddress":"true"}]}""")], "networkInterfaces[0]"),
        ["public ip: instance boolean true fails"] = new(NoPublicIpRule.Code, true, Production,
            [Resource(Instance, "bastion", """{"associatePublicIpAddress":true}""")]),
        ["volumes: encrypted ebs mapping passes"] = new(EncryptedVolumesRule.Code, false, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"blockDeviceMappings":[{"deviceName":"/dev/xvda","ebs":{"encrypted":"true","volumeSize":40,"volumeType":"gp3"}}]}""")]),
        ["volumes: unencrypted ebs mapping fails"] = new(EncryptedVolumesRule.Code, true, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"blockDeviceMappings":[{"deviceName":"/dev/xvda","ebs":{"encrypted":"false","volumeSize":40}}]}""")], "/dev/xvda"),
        ["volumes: unencrypted instance root fails"] = new(EncryptedVolumesRule.Code, true, Production,
            [Resource(Instance, "bastion", """{"rootBlockDevice":{"encrypted":false,"volumeSize":20}}""")], "rootBlockDevice"),
        ["volumes: unencrypted ebs volume fails"] = new(EncryptedVolumesRule.Code, true, Production,
            [Resource(Volume, "scratch", """{"availabilityZone":"eu-west-3a","size":100,"encrypted":false}""")]),
        ["public ip: launch template without networkInterfaces fails"] = new(NoPublicIpRule.Code, true, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"vpcSecurityGroupIds":["sg-0svc"]}""")], "mapPublicIpOnLaunch"),
        ["public ip: interface without associatePublicIpAddress fails"] = new(NoPublicIpRule.Code, true, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"networkInterfaces":[{"deviceIndex":0,"securityGroups":["sg-0svc"]}]}""")], "networkInterfaces[0].associatePublicIpAddress is not set"),
        ["public ip: instance without associatePublicIpAddress fails"] = new(NoPublicIpRule.Code, true, Production,
            [Resource(Instance, "bastion", """{"subnetId":"subnet-0a"}""")], "not set"),
        ["public ip: instance with associatePublicIpAddress false passes"] = new(NoPublicIpRule.Code, false, Production,
            [Resource(Instance, "bastion", """{"associatePublicIpAddress":false}""")]),
        ["public ip: networkInterfaces unknown in a preview passes"] = new(NoPublicIpRule.Code, false, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"networkInterfaces":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""")]),
        ["volumes: launch template without blockDeviceMappings fails"] = new(EncryptedVolumesRule.Code, true, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"imageId":"ami-05d83e1fa2c79b460"}""")], "no blockDeviceMappings"),
        ["volumes: launch template with only an ephemeral mapping fails"] = new(EncryptedVolumesRule.Code, true, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"blockDeviceMappings":[{"deviceName":"/dev/sdb","virtualName":"ephemeral0"}]}""")], "no blockDeviceMappings"),
        ["volumes: instance without rootBlockDevice fails"] = new(EncryptedVolumesRule.Code, true, Production,
            [Resource(Instance, "bastion", """{"ami":"ami-05d83e1fa2c79b460"}""")], "no rootBlockDevice"),
        ["volumes: encrypted instance root passes"] = new(EncryptedVolumesRule.Code, false, Production,
            [Resource(Instance, "bastion", """{"rootBlockDevice":{"encrypted":true,"volumeSize":20}}""")]),
        ["families: m7i passes"] = new(AllowedInstanceFamiliesRule.Code, false, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"instanceType":"m7i.large"}"""), Resource(ClusterInstance, "ledger-db-1", """{"instanceClass":"db.r7g.2xlarge"}""")]),
        ["families: m5 fails"] = new(AllowedInstanceFamiliesRule.Code, true, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"instanceType":"m5.large"}""")], "'m5'"),
        ["families: db.r5 fails"] = new(AllowedInstanceFamiliesRule.Code, true, Production,
            [Resource(ClusterInstance, "ledger-db-1", """{"instanceClass":"db.r5.large"}""")], "'r5'"),
        ["asg health: ELB health check behind a target group passes"] = new(AutoscalingElbHealthCheckRule.Code, false, Production,
            [Resource(Asg, "ledger", """{"targetGroupArns":["arn:aws:elasticloadbalancing:eu-west-3:444455556666:targetgroup/ledger/1"],"healthCheckType":"ELB"}""")]),
        ["asg health: EC2 health check behind a target group fails"] = new(AutoscalingElbHealthCheckRule.Code, true, Production,
            [Resource(Asg, "ledger", """{"targetGroupArns":["arn:aws:elasticloadbalancing:eu-west-3:444455556666:targetgroup/ledger/1"],"healthCheckType":"EC2"}""")]),
        ["imds hops: a hop limit of 1 passes"] = new(ImdsHopLimitRule.Code, false, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"metadataOptions":{"httpEndpoint":"enabled","httpTokens":"required","httpPutResponseHopLimit":1}}""")]),
        ["imds hops: metadata endpoint disabled passes"] = new(ImdsHopLimitRule.Code, false, Production,
            [Resource(Instance, "batch", """{"metadataOptions":{"httpEndpoint":"disabled"}}""")]),
        ["imds hops: a hop limit of 2 fails"] = new(ImdsHopLimitRule.Code, true, Production,
            [Resource(LaunchTemplate, "ledger-lt", """{"metadataOptions":{"httpEndpoint":"enabled","httpTokens":"required","httpPutResponseHopLimit":2}}""")], "is 2"),
        ["imds hops: a hop limit left to the image fails"] = new(ImdsHopLimitRule.Code, true, Production,
            [Resource(Instance, "bastion", """{"metadataOptions":{"httpTokens":"required"}}""")], "not set"),
    };
}
