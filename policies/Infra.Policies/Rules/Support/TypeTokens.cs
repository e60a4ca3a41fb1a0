namespace Infra.Policies.Rules.Support;

/// <summary>Type tokens of the providers' resources the rules read (checked against @pulumi/aws 7.48.0, @pulumi/vault 7.8.0, @pulumi/kafka 3.13.2, pulumi-gitlab sdk/dotnet).</summary>
internal static class TypeTokens
{
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    public const string SecurityGroupIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string SecurityGroupEgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    public const string LaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    public const string Instance = "aws:ec2/instance:Instance";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string EbsVolume = "aws:ebs/volume:Volume";
    public const string KmsKey = "aws:kms/key:Key";
    public const string RdsCluster = "aws:rds/cluster:Cluster";
    public const string RdsGlobalCluster = "aws:rds/globalCluster:GlobalCluster";
    public const string RdsClusterInstance = "aws:rds/clusterInstance:ClusterInstance";
    public const string RdsInstance = "aws:rds/instance:Instance";
    public const string RdsClusterParameterGroup = "aws:rds/clusterParameterGroup:ClusterParameterGroup";
    public const string IamPolicy = "aws:iam/policy:Policy";
    public const string IamRole = "aws:iam/role:Role";
    public const string IamRolePolicy = "aws:iam/rolePolicy:RolePolicy";
    public const string IamRolePolicyAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public const string IamUserPolicy = "aws:iam/userPolicy:UserPolicy";
    public const string IamGroupPolicy = "aws:iam/groupPolicy:GroupPolicy";
    public const string LbListener = "aws:lb/listener:Listener";
    public const string LbLoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string S3Bucket = "aws:s3/bucket:Bucket";
    public const string S3BucketV2 = "aws:s3/bucketV2:BucketV2";
    public const string S3PublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    public const string S3Encryption = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
    public const string S3EncryptionV2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    public const string S3Versioning = "aws:s3/bucketVersioning:BucketVersioning";
    public const string S3VersioningV2 = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    public const string AutoscalingGroup = "aws:autoscaling/group:Group";
    public const string CloudWatchLogGroup = "aws:cloudwatch/logGroup:LogGroup";
    public const string KmsKeyPolicy = "aws:kms/keyPolicy:KeyPolicy";
    public const string ClientVpnEndpoint = "aws:ec2clientvpn/endpoint:Endpoint";
    public const string ClientVpnAuthorizationRule = "aws:ec2clientvpn/authorizationRule:AuthorizationRule";
    public const string CloudTrail = "aws:cloudtrail/trail:Trail";
    public const string ConfigRecorder = "aws:cfg/recorder:Recorder";
    public const string GuardDutyDetector = "aws:guardduty/detector:Detector";
    public const string S3AccountPublicAccessBlock = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
    public const string EbsEncryptionByDefault = "aws:ebs/encryptionByDefault:EncryptionByDefault";
    public const string IamAccountPasswordPolicy = "aws:iam/accountPasswordPolicy:AccountPasswordPolicy";
    public const string FlowLog = "aws:ec2/flowLog:FlowLog";
    public const string S3ObjectLock = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration";
    public const string S3ObjectLockV2 = "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2";
    public const string LbTargetGroup = "aws:lb/targetGroup:TargetGroup";
    public const string MetricAlarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    public const string CompositeAlarm = "aws:cloudwatch/compositeAlarm:CompositeAlarm";
    public const string AwsProvider = "pulumi:providers:aws";

    public const string KafkaTopic = "kafka:index/topic:Topic";
    public const string VaultPolicy = "vault:index/policy:Policy";
    public const string VaultAudit = "vault:index/audit:Audit";
    public const string VaultStaticRole = "vault:database/secretBackendStaticRole:SecretBackendStaticRole";
    public const string VaultDatabaseRole = "vault:database/secretBackendRole:SecretBackendRole";
    public const string VaultAwsAuthRole = "vault:aws/authBackendRole:AuthBackendRole";
    public const string GitLabGroupMembership = "gitlab:index/groupMembership:GroupMembership";
    public const string GitLabProjectMembership = "gitlab:index/projectMembership:ProjectMembership";
    public const string VaultIdentityEntity = "vault:identity/entity:Entity";
    public const string VaultPkiCert = "vault:pkiSecret/secretBackendCert:SecretBackendCert";
    public const string VaultPkiSign = "vault:pkiSecret/secretBackendSign:SecretBackendSign";
    public const string ConsulAclToken = "consul:index/aclToken:AclToken";
    public const string ConsulAclPolicy = "consul:index/aclPolicy:AclPolicy";

    public const string Stack = "pulumi:pulumi:Stack";
}
