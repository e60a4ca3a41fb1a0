using Infra.Blueprints.Definition;
using Infra.Policies.Rules;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>
/// The environments and the providers' type tokens the fixtures are written with, spelled out here rather than taken from the
/// library (@pulumi/aws 7.48.0, @pulumi/vault 7.8.0, @pulumi/kafka 3.13.2, pulumi-gitlab), so a wrong token in a rule fails its fixtures.
/// </summary>
internal static class FixtureTypes
{
    public const EnvironmentKind Production = EnvironmentKind.Production;
    public const EnvironmentKind Staging = EnvironmentKind.Staging;

    public const string Sg = "aws:ec2/securityGroup:SecurityGroup";
    public const string SgRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    public const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string EgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    public const string LaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    public const string Instance = "aws:ec2/instance:Instance";
    public const string Volume = "aws:ebs/volume:Volume";
    public const string Asg = "aws:autoscaling/group:Group";
    public const string TargetGroup = "aws:lb/targetGroup:TargetGroup";
    public const string MetricAlarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    public const string CompositeAlarm = "aws:cloudwatch/compositeAlarm:CompositeAlarm";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string KmsKey = "aws:kms/key:Key";
    public const string Cluster = "aws:rds/cluster:Cluster";
    public const string GlobalCluster = "aws:rds/globalCluster:GlobalCluster";
    public const string ClusterInstance = "aws:rds/clusterInstance:ClusterInstance";
    public const string DbInstance = "aws:rds/instance:Instance";
    public const string ClusterParameterGroup = "aws:rds/clusterParameterGroup:ClusterParameterGroup";
    public const string IamPolicy = "aws:iam/policy:Policy";
    public const string IamRole = "aws:iam/role:Role";
    public const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    public const string Attachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public const string Listener = "aws:lb/listener:Listener";
    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string BucketV2 = "aws:s3/bucketV2:BucketV2";
    public const string PublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    public const string Encryption = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
    public const string Versioning = "aws:s3/bucketVersioning:BucketVersioning";
    public const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    public const string KeyPolicy = "aws:kms/keyPolicy:KeyPolicy";
    public const string ClientVpnEndpoint = "aws:ec2clientvpn/endpoint:Endpoint";
    public const string ClientVpnAuthorization = "aws:ec2clientvpn/authorizationRule:AuthorizationRule";
    public const string Topic = "kafka:index/topic:Topic";
    public const string KafkaAcl = "kafka:index/acl:Acl";
    public const string PkiRole = "vault:pkiSecret/secretBackendRole:SecretBackendRole";
    public const string VaultPolicy = "vault:index/policy:Policy";
    public const string VaultAudit = "vault:index/audit:Audit";
    public const string StaticRole = "vault:database/secretBackendStaticRole:SecretBackendStaticRole";
    public const string DatabaseRole = "vault:database/secretBackendRole:SecretBackendRole";
    public const string AwsAuthRole = "vault:aws/authBackendRole:AuthBackendRole";
    public const string GroupMembership = "gitlab:index/groupMembership:GroupMembership";
    public const string VaultEntity = "vault:identity/entity:Entity";
    public const string ConsulAclToken = "consul:index/aclToken:AclToken";
    public const string ConsulAclPolicy = "consul:index/aclPolicy:AclPolicy";
    public const string PkiCert = "vault:pkiSecret/secretBackendCert:SecretBackendCert";
    public const string PkiSign = "vault:pkiSecret/secretBackendSign:SecretBackendSign";
    public const string PkiRootCert = "vault:pkiSecret/secretBackendRootCert:SecretBackendRootCert";
    public const string PkiIntermediateCsr = "vault:pkiSecret/secretBackendIntermediateCertRequest:SecretBackendIntermediateCertRequest";
    public const string ConsulIntentions = "consul:index/configEntryServiceIntentions:ConfigEntryServiceIntentions";
    public const string ConsulLegacyIntention = "consul:index/intention:Intention";
    public const string ConsulServiceDefaults = "consul:index/configEntryServiceDefaults:ConfigEntryServiceDefaults";
    public const string ConsulTokenPolicyAttachment = "consul:index/aclTokenPolicyAttachment:AclTokenPolicyAttachment";
    public const string VaultAwsAuthClient = "vault:aws/authBackendClient:AuthBackendClient";
    public const string Secret = "aws:secretsmanager/secret:Secret";
    public const string SnsTopic = "aws:sns/topic:Topic";
    public const string SnsSubscription = "aws:sns/topicSubscription:TopicSubscription";
    public const string BucketPolicy = "aws:s3/bucketPolicy:BucketPolicy";
    public const string BackupPlan = "aws:backup/plan:Plan";
}
