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

    private const string RecorderStatus = "aws:cfg/recorderStatus:RecorderStatus";
    private const string SecurityHub = "aws:securityhub/account:Account";
    private const string Standards = "aws:securityhub/standardsSubscription:StandardsSubscription";
    private const string Analyzer = "aws:accessanalyzer/analyzer:Analyzer";
    private const string ProviderWest3 = "urn:pulumi:production::infra::pulumi:providers:aws::aws-eu-west-3::3b1f";
    private const string ProviderWest1 = "urn:pulumi:production::infra::pulumi:providers:aws::aws-eu-west-1::9c2e";

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
        ["config running: a recorder with its enabled status passes"] = new(ConfigRecorderStatusRule.Code, false, Production,
        [
            Resource(Recorder, "eu-west-3-config", """{"name":"eu-west-3-config","recordingGroup":{"allSupported":true}}""", provider: ProviderWest3),
            Resource(RecorderStatus, "eu-west-3-config-status", """{"name":"eu-west-3-config","isEnabled":true}""", provider: ProviderWest3),
        ]),
        ["config running: a stopped recorder fails"] = new(ConfigRecorderStatusRule.Code, true, Production,
        [
            Resource(Recorder, "eu-west-3-config", """{"name":"eu-west-3-config"}""", provider: ProviderWest3),
            Resource(RecorderStatus, "eu-west-3-config-status", """{"name":"eu-west-3-config","isEnabled":false}""", provider: ProviderWest3),
        ], "isEnabled is false"),
        ["config running: a recorder without a status fails"] = new(ConfigRecorderStatusRule.Code, true, Production,
            [Resource(Recorder, "eu-west-1-config", """{"name":"eu-west-1-config"}""", provider: ProviderWest1)], "records nothing"),
        ["config running: a status in another region does not switch the recorder on"] = new(ConfigRecorderStatusRule.Code, true, Production,
        [
            Resource(Recorder, "config", """{"name":"config"}""", provider: ProviderWest1),
            Resource(RecorderStatus, "config-status", """{"name":"config","isEnabled":true}""", provider: ProviderWest3),
        ], "no RecorderStatus"),
        ["security hub: CIS and PCI in the region pass"] = new(SecurityHubStandardsRule.Code, false, Production,
        [
            Resource(SecurityHub, "eu-west-3-securityhub", "{}", provider: ProviderWest3),
            Resource(Standards, "eu-west-3-cis", """{"standardsArn":"arn:aws:securityhub:eu-west-3::standards/cis-aws-foundations-benchmark/v/3.0.0"}""", provider: ProviderWest3),
            Resource(Standards, "eu-west-3-pci", """{"standardsArn":"arn:aws:securityhub:eu-west-3::standards/pci-dss/v/4.0.1"}""", provider: ProviderWest3),
        ]),
        ["security hub: CIS only fails"] = new(SecurityHubStandardsRule.Code, true, Production,
        [
            Resource(SecurityHub, "eu-west-3-securityhub", "{}", provider: ProviderWest3),
            Resource(Standards, "eu-west-3-cis", """{"standardsArn":"arn:aws:securityhub:eu-west-3::standards/cis-aws-foundations-benchmark/v/3.0.0"}""", provider: ProviderWest3),
        ], "without the PCI DSS standard"),
        ["security hub: the other region's subscriptions do not count"] = new(SecurityHubStandardsRule.Code, true, Production,
        [
            Resource(SecurityHub, "eu-west-1-securityhub", "{}", provider: ProviderWest1),
            Resource(Standards, "eu-west-3-cis", """{"standardsArn":"arn:aws:securityhub:eu-west-3::standards/cis-aws-foundations-benchmark/v/3.0.0"}""", provider: ProviderWest3),
            Resource(Standards, "eu-west-3-pci", """{"standardsArn":"arn:aws:securityhub:eu-west-3::standards/pci-dss/v/4.0.1"}""", provider: ProviderWest3),
        ], "without the CIS AWS Foundations and PCI DSS standard"),
        ["access analyzer: an account analyzer in the recorder's region passes"] = new(AccessAnalyzerRule.Code, false, Production,
        [
            Resource(Recorder, "eu-west-3-config", """{"name":"eu-west-3-config"}""", provider: ProviderWest3),
            Resource(Analyzer, "eu-west-3-access-analyzer", """{"analyzerName":"production-eu-west-3"}""", provider: ProviderWest3),
        ]),
        ["access analyzer: a region without one fails"] = new(AccessAnalyzerRule.Code, true, Production,
        [
            Resource(Recorder, "eu-west-1-config", """{"name":"eu-west-1-config"}""", provider: ProviderWest1),
            Resource(Analyzer, "eu-west-3-access-analyzer", """{"analyzerName":"production-eu-west-3","type":"ORGANIZATION"}""", provider: ProviderWest3),
        ], "no IAM Access Analyzer"),
        ["access analyzer: an unused-access analyzer does not report external access"] = new(AccessAnalyzerRule.Code, true, Production,
        [
            Resource(Recorder, "eu-west-3-config", """{"name":"eu-west-3-config"}""", provider: ProviderWest3),
            Resource(Analyzer, "eu-west-3-unused", """{"analyzerName":"unused","type":"ACCOUNT_UNUSED_ACCESS"}""", provider: ProviderWest3),
        ], "of type ACCOUNT or ORGANIZATION"),
        ["trail data events: management plus every S3 object passes"] = new(CloudTrailS3DataEventsRule.Code, false, Production,
        [
            Resource(Trail, "trail", """{"isMultiRegionTrail":true,"advancedEventSelectors":[{"name":"Management events","fieldSelectors":[{"field":"eventCategory","equals":["Management"]}]},{"name":"S3 objects","fieldSelectors":[{"field":"eventCategory","equals":["Data"]},{"field":"resources.type","equals":["AWS::S3::Object"]}]}]}"""),
            Resource(Trail, "basic-trail", """{"isMultiRegionTrail":true,"eventSelectors":[{"readWriteType":"All","includeManagementEvents":true,"dataResources":[{"type":"AWS::S3::Object","values":["arn:aws:s3"]}]}]}"""),
        ]),
        ["trail data events: reads and writes in two selectors pass"] = new(CloudTrailS3DataEventsRule.Code, false, Production,
            [Resource(Trail, "trail", """{"isMultiRegionTrail":true,"advancedEventSelectors":[{"fieldSelectors":[{"field":"eventCategory","equals":["Data"]},{"field":"resources.type","equals":["AWS::S3::Object"]},{"field":"readOnly","equals":["true"]}]},{"fieldSelectors":[{"field":"eventCategory","equals":["Data"]},{"field":"resources.type","equals":["AWS::S3::Object"]},{"field":"readOnly","equals":["false"]}]}]}""")]),
        ["trail data events: management events only fail"] = new(CloudTrailS3DataEventsRule.Code, true, Production,
            [Resource(Trail, "trail", """{"isMultiRegionTrail":true,"enableLogFileValidation":true}""")], "no reads or writes of S3 objects"),
        ["trail data events: writes only fail"] = new(CloudTrailS3DataEventsRule.Code, true, Production,
            [Resource(Trail, "trail", """{"isMultiRegionTrail":true,"eventSelectors":[{"readWriteType":"WriteOnly","dataResources":[{"type":"AWS::S3::Object","values":["arn:aws:s3"]}]}]}""")], "no reads of S3 objects"),
        ["trail data events: one bucket only fails"] = new(CloudTrailS3DataEventsRule.Code, true, Production,
            [Resource(Trail, "trail", """{"isMultiRegionTrail":true,"advancedEventSelectors":[{"fieldSelectors":[{"field":"eventCategory","equals":["Data"]},{"field":"resources.type","equals":["AWS::S3::Object"]},{"field":"resources.ARN","startsWith":["arn:aws:s3:::statements/"]}]}]}""")], "in every bucket"),
        ["trail: advanced selectors without management events fail"] = new(CloudTrailRule.Code, true, Production,
            [Resource(Trail, "trail", $$"""{"isMultiRegionTrail":true,"enableLogFileValidation":true,"kmsKeyId":"{{Key}}","advancedEventSelectors":[{"fieldSelectors":[{"field":"eventCategory","equals":["Data"]},{"field":"resources.type","equals":["AWS::S3::Object"]}]}]}""")], "leave out management events"),
        ["trail: basic selectors that exclude management events fail"] = new(CloudTrailRule.Code, true, Production,
            [Resource(Trail, "trail", $$"""{"isMultiRegionTrail":true,"enableLogFileValidation":true,"kmsKeyId":"{{Key}}","eventSelectors":[{"includeManagementEvents":false,"dataResources":[{"type":"AWS::S3::Object","values":["arn:aws:s3"]}]}]}""")], "leave out management events"),
    };
}
