using Infra.Policies.Rules.Account;
using static Infra.Policies.Tests.Support.Fixture;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Account rules: the controls of the account baseline.</summary>
internal static class AccountFixtures
{
    private const string Trail = "aws:cloudtrail/trail:Trail";
    private const string Recorder = "aws:cfg/recorder:Recorder";
    private const string Detector = "aws:guardduty/detector:Detector";
    private const string AccountBlock = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
    private const string EbsDefault = "aws:ebs/encryptionByDefault:EncryptionByDefault";
    private const string PasswordPolicy = "aws:iam/accountPasswordPolicy:AccountPasswordPolicy";
    private const string FlowLog = "aws:ec2/flowLog:FlowLog";
    private const string ObjectLock = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration";
    private const string Key = "arn:aws:kms:eu-west-3:777788889999:key/0b7e2c4d-5f61-4a38-9d2e-7c1a3b5e8f90";

    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["trail: multi-region, validated and encrypted passes"] = new(CloudTrailRule.Code, false, Production,
            [Resource(Trail, "trail", $$"""{"s3BucketName":"archive","isMultiRegionTrail":true,"enableLogFileValidation":true,"includeGlobalServiceEvents":true,"kmsKeyId":"{{Key}}"}""")]),
        ["trail: one region fails"] = new(CloudTrailRule.Code, true, Production,
            [Resource(Trail, "trail", $$"""{"isMultiRegionTrail":false,"enableLogFileValidation":true,"kmsKeyId":"{{Key}}"}""")], "isMultiRegionTrail is false"),
        ["trail: no log file validation fails"] = new(CloudTrailRule.Code, true, Production,
            [Resource(Trail, "trail", $$"""{"isMultiRegionTrail":true,"kmsKeyId":"{{Key}}"}""")], "enableLogFileValidation is not set"),
        ["trail: no KMS key fails"] = new(CloudTrailRule.Code, true, Production,
            [Resource(Trail, "trail", """{"isMultiRegionTrail":true,"enableLogFileValidation":true}""")], "kmsKeyId"),
        ["trail: global service events off fails"] = new(CloudTrailRule.Code, true, Production,
            [Resource(Trail, "trail", $$"""{"isMultiRegionTrail":true,"enableLogFileValidation":true,"includeGlobalServiceEvents":false,"kmsKeyId":"{{Key}}"}""")], "IAM and STS"),
        ["config: all supported types pass"] = new(ConfigRecorderRule.Code, false, Production,
            [Resource(Recorder, "config", """{"recordingGroup":{"allSupported":true,"includeGlobalResourceTypes":true}}""")]),
        ["config: a list of types fails"] = new(ConfigRecorderRule.Code, true, Production,
            [Resource(Recorder, "config", """{"recordingGroup":{"allSupported":false,"resourceTypes":["AWS::EC2::Instance"]}}""")], "allSupported is false"),
        ["guardduty: enabled passes"] = new(GuardDutyEnabledRule.Code, false, Production,
            [Resource(Detector, "guardduty", """{"enable":true}"""), Resource(Detector, "guardduty-default", "{}")]),
        ["guardduty: suspended fails"] = new(GuardDutyEnabledRule.Code, true, Production,
            [Resource(Detector, "guardduty", """{"enable":false}""")], "suspended"),
        ["account block: four switches pass"] = new(AccountPublicAccessBlockRule.Code, false, Production,
            [Resource(AccountBlock, "s3", """{"blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}""")]),
        ["account block: a policy switch off fails"] = new(AccountPublicAccessBlockRule.Code, true, Production,
            [Resource(AccountBlock, "s3", """{"blockPublicAcls":true,"blockPublicPolicy":false,"ignorePublicAcls":true,"restrictPublicBuckets":true}""")], "blockPublicPolicy is false"),
        ["account block: a switch left unset fails"] = new(AccountPublicAccessBlockRule.Code, true, Production,
            [Resource(AccountBlock, "s3", """{"blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true}""")], "restrictPublicBuckets is not set"),
        ["ebs default: enabled passes"] = new(EbsEncryptionByDefaultRule.Code, false, Production,
            [Resource(EbsDefault, "ebs", """{"enabled":true}""")]),
        ["ebs default: disabled fails"] = new(EbsEncryptionByDefaultRule.Code, true, Production,
            [Resource(EbsDefault, "ebs", """{"enabled":false}""")], "enabled is false"),
        ["password: 14 characters and 24 remembered pass"] = new(PasswordPolicyRule.Code, false, Production,
            [Resource(PasswordPolicy, "password", """{"minimumPasswordLength":14,"passwordReusePrevention":24}""")]),
        ["password: 8 characters fails"] = new(PasswordPolicyRule.Code, true, Production,
            [Resource(PasswordPolicy, "password", """{"minimumPasswordLength":8,"passwordReusePrevention":24}""")], "minimumPasswordLength is 8"),
        ["password: no reuse prevention fails"] = new(PasswordPolicyRule.Code, true, Production,
            [Resource(PasswordPolicy, "password", """{"minimumPasswordLength":16}""")], "passwordReusePrevention is not set"),
        ["flow log: all traffic passes"] = new(FlowLogAllTrafficRule.Code, false, Production,
            [Resource(FlowLog, "vpc", """{"vpcId":"vpc-0d9b93ffb11e41fcc","trafficType":"ALL","logDestinationType":"s3"}""")]),
        ["flow log: rejected only fails"] = new(FlowLogAllTrafficRule.Code, true, Production,
            [Resource(FlowLog, "vpc", """{"vpcId":"vpc-0d9b93ffb11e41fcc","trafficType":"REJECT"}""")], "'REJECT'"),
        ["object lock: compliance for a year passes"] = new(ObjectLockComplianceRule.Code, false, Production,
            [Resource(ObjectLock, "archive", """{"bucket":"archive","rule":{"defaultRetention":{"mode":"COMPLIANCE","days":365}}}"""),
             Resource(ObjectLock, "archive-years", """{"bucket":"archive2","rule":{"defaultRetention":{"mode":"COMPLIANCE","years":7}}}""")]),
        ["object lock: governance mode fails"] = new(ObjectLockComplianceRule.Code, true, Production,
            [Resource(ObjectLock, "archive", """{"bucket":"archive","rule":{"defaultRetention":{"mode":"GOVERNANCE","days":400}}}""")], "'GOVERNANCE'"),
        ["object lock: 30 days fails"] = new(ObjectLockComplianceRule.Code, true, Production,
            [Resource(ObjectLock, "archive", """{"bucket":"archive","rule":{"defaultRetention":{"mode":"COMPLIANCE","days":30}}}""")], "30 days"),
    };
}
