using Infra.Policies.Model;
using Infra.Policies.Rules;
using Infra.Policies.Rules.Compute;
using Infra.Policies.Rules.Databases;
using Infra.Policies.Rules.Encryption;
using Infra.Policies.Rules.GitLab;
using Infra.Policies.Rules.Governance;
using Infra.Policies.Rules.Identity;
using Infra.Policies.Rules.LoadBalancing;
using Infra.Policies.Rules.Messaging;
using Infra.Policies.Rules.Network;
using Infra.Policies.Rules.People;
using Infra.Policies.Rules.Secrets;
using Infra.Policies.Rules.StackWide;
using Infra.Policies.Rules.Storage;
using Infra.Policies.Rules.Vault;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules;

/// <summary>A passing and a failing fixture per rule, written with the providers' real property names (@pulumi/aws 7.48.0, @pulumi/vault 7.8.0, @pulumi/kafka 3.13.2, pulumi-gitlab).</summary>
internal static class RuleFixtures
{
    private const StackEnvironment Production = StackEnvironment.Production;
    private const StackEnvironment Staging = StackEnvironment.Staging;

    private const string Sg = "aws:ec2/securityGroup:SecurityGroup";
    private const string SgRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    private const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string LaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    private const string Instance = "aws:ec2/instance:Instance";
    private const string Volume = "aws:ebs/volume:Volume";
    private const string Asg = "aws:autoscaling/group:Group";
    private const string Subnet = "aws:ec2/subnet:Subnet";
    private const string KmsKey = "aws:kms/key:Key";
    private const string Cluster = "aws:rds/cluster:Cluster";
    private const string GlobalCluster = "aws:rds/globalCluster:GlobalCluster";
    private const string ClusterInstance = "aws:rds/clusterInstance:ClusterInstance";
    private const string DbInstance = "aws:rds/instance:Instance";
    private const string IamPolicy = "aws:iam/policy:Policy";
    private const string IamRole = "aws:iam/role:Role";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    private const string Attachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    private const string Listener = "aws:lb/listener:Listener";
    private const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    private const string BucketV2 = "aws:s3/bucketV2:BucketV2";
    private const string PublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    private const string Encryption = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
    private const string Versioning = "aws:s3/bucketVersioning:BucketVersioning";
    private const string Topic = "kafka:index/topic:Topic";
    private const string VaultPolicy = "vault:index/policy:Policy";
    private const string StaticRole = "vault:database/secretBackendStaticRole:SecretBackendStaticRole";
    private const string DatabaseRole = "vault:database/secretBackendRole:SecretBackendRole";
    private const string AwsAuthRole = "vault:aws/authBackendRole:AuthBackendRole";
    private const string GroupMembership = "gitlab:index/groupMembership:GroupMembership";

    private const string ServiceTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        // Security groups
        ["sg: HTTPS from anywhere on a load balancer's group passes"] = new(SecurityGroupPublicIngressRule.Code, false, Production,
        [
            Resource(Sg, "lb-sg", """{"ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["0.0.0.0/0"],"ipv6CidrBlocks":["::/0"]}]}""", id: "sg-0lb"),
            Resource(LoadBalancer, "public-lb", """{"loadBalancerType":"application","securityGroups":["sg-0lb"]}"""),
        ]),
        ["sg: service port from the VPC passes"] = new(SecurityGroupPublicIngressRule.Code, false, Production,
            [Resource(Sg, "ledger-sg", """{"ingress":[{"protocol":"tcp","fromPort":8443,"toPort":8443,"cidrBlocks":["10.60.0.0/16"]}]}""", id: "sg-0svc")]),
        ["sg: HTTPS from anywhere on a server's group fails"] = new(SecurityGroupPublicIngressRule.Code, true, Production,
            [Resource(Sg, "ledger-sg", """{"ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["0.0.0.0/0"]}]}""", id: "sg-0svc")],
            "only a load balancer's security group"),
        ["sg: securityGroupRule from ::/0 on 8443 fails"] = new(SecurityGroupPublicIngressRule.Code, true, Production,
            [Resource(SgRule, "ledger-in", """{"type":"ingress","protocol":"tcp","fromPort":8443,"toPort":8443,"ipv6CidrBlocks":["::/0"],"securityGroupId":"sg-0svc"}""")],
            "::/0"),
        ["sg: vpc ingress rule 8080 from anywhere on a load balancer fails"] = new(SecurityGroupPublicIngressRule.Code, true, Production,
        [
            Resource(IngressRule, "lb-http-alt", """{"ipProtocol":"tcp","fromPort":8080,"toPort":8080,"cidrIpv4":"0.0.0.0/0","securityGroupId":"sg-0lb"}"""),
            Resource(LoadBalancer, "public-lb", """{"securityGroups":["sg-0lb"]}"""),
        ], "only tcp 443"),
        ["ssh: SSH from the VPN passes"] = new(SecurityGroupAdminPortsRule.Code, false, Production,
            [Resource(IngressRule, "ssh-vpn", """{"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"10.60.0.0/16","securityGroupId":"sg-0svc"}""")]),
        ["ssh: SSH from anywhere fails"] = new(SecurityGroupAdminPortsRule.Code, true, Production,
            [Resource(IngressRule, "ssh-any", """{"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"0.0.0.0/0","securityGroupId":"sg-0svc"}""")], "SSH"),
        ["ssh: all traffic from anywhere includes RDP"] = new(SecurityGroupAdminPortsRule.Code, true, Production,
            [Resource(Sg, "wide-open", """{"ingress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}]}""")], "RDP"),

        // EC2
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

        // KMS
        ["kms: rotation enabled passes"] = new(KmsKeyRotationRule.Code, false, Production,
            [Resource(KmsKey, "data", """{"enableKeyRotation":true,"rotationPeriodInDays":365}""")]),
        ["kms: asymmetric key without rotation passes"] = new(KmsKeyRotationRule.Code, false, Production,
            [Resource(KmsKey, "signing", """{"customerMasterKeySpec":"RSA_2048","keyUsage":"SIGN_VERIFY"}""")]),
        ["kms: rotation disabled fails"] = new(KmsKeyRotationRule.Code, true, Production,
            [Resource(KmsKey, "data", """{"enableKeyRotation":false}""")], "enableKeyRotation"),
        ["kms window: 30 days in production passes"] = new(KmsKeyDeletionWindowRule.Code, false, Production,
            [Resource(KmsKey, "data", """{"deletionWindowInDays":30}""")]),
        ["kms window: 7 days in staging passes"] = new(KmsKeyDeletionWindowRule.Code, false, Staging,
            [Resource(KmsKey, "data", """{"deletionWindowInDays":7}""", stack: "staging")]),
        ["kms window: 7 days in production fails"] = new(KmsKeyDeletionWindowRule.Code, true, Production,
            [Resource(KmsKey, "data", """{"deletionWindowInDays":7}""")]),

        // RDS
        ["rds encryption: encrypted cluster passes"] = new(RdsStorageEncryptedRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", """{"engine":"aurora-postgresql","storageEncrypted":true,"kmsKeyId":"arn:aws:kms:eu-west-3:444455556666:key/1"}""")]),
        ["rds encryption: unencrypted global cluster fails"] = new(RdsStorageEncryptedRule.Code, true, Production,
            [Resource(GlobalCluster, "ledger-global", """{"globalClusterIdentifier":"ledger","engine":"aurora-postgresql","storageEncrypted":false}""")]),
        ["rds encryption: cluster without storageEncrypted fails"] = new(RdsStorageEncryptedRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"engine":"aurora-postgresql"}""")]),
        ["rds backups: 35 days in production passes"] = new(RdsBackupRetentionRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", """{"backupRetentionPeriod":35}""")]),
        ["rds backups: 7 days in staging passes"] = new(RdsBackupRetentionRule.Code, false, Staging,
            [Resource(Cluster, "ledger-db", """{"backupRetentionPeriod":7}""", stack: "staging")]),
        ["rds backups: 7 days in production fails"] = new(RdsBackupRetentionRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"backupRetentionPeriod":7}""")], "at least 35"),
        ["rds backups: unset in staging fails"] = new(RdsBackupRetentionRule.Code, true, Staging,
            [Resource(DbInstance, "legacy-db", "{}", stack: "staging")], "not set"),
        ["rds deletion: protected production cluster passes"] = new(RdsDeletionProtectionRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", """{"deletionProtection":true}""")]),
        ["rds deletion: unprotected staging cluster passes"] = new(RdsDeletionProtectionRule.Code, false, Staging,
            [Resource(Cluster, "ledger-db", """{"deletionProtection":false}""", stack: "staging")]),
        ["rds deletion: unprotected production cluster fails"] = new(RdsDeletionProtectionRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"deletionProtection":false}""")]),
        ["rds public: private instance passes"] = new(RdsNoPublicAccessRule.Code, false, Production,
            [Resource(ClusterInstance, "ledger-db-1", """{"publiclyAccessible":false}""")]),
        ["rds public: public cluster instance fails"] = new(RdsNoPublicAccessRule.Code, true, Production,
            [Resource(ClusterInstance, "ledger-db-1", """{"publiclyAccessible":true}""")]),
        ["rds iam: IAM auth enabled passes"] = new(RdsIamAuthenticationRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", """{"iamDatabaseAuthenticationEnabled":true}""")]),
        ["rds iam: IAM auth disabled fails"] = new(RdsIamAuthenticationRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"iamDatabaseAuthenticationEnabled":false}""")]),
        ["rds snapshot: final snapshot kept passes"] = new(RdsFinalSnapshotRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", """{"skipFinalSnapshot":false,"finalSnapshotIdentifier":"ledger-final"}""")]),
        ["rds snapshot: skipped in production fails"] = new(RdsFinalSnapshotRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"skipFinalSnapshot":true}""")]),

        // IAM
        ["iam admin: scoped statement passes"] = new(IamNoWildcardAdminRule.Code, false, Production,
            [Resource(IamPolicy, "ledger-s3", """{"policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::ledger-exports/*\"}]}"}""")]),
        ["iam admin: * on * fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamPolicy, "admin", """{"policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"}""")], "Action '*'"),
        ["iam admin: role inline policy with NotAction fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamRole, "ledger-role", """{"assumeRolePolicy":"{}","inlinePolicies":[{"name":"all-but-iam","policy":"{\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}}"}]}""")], "NotAction"),
        ["iam service wildcard: named actions pass"] = new(IamNoServiceWildcardRule.Code, false, Production,
            [Resource(RolePolicy, "ledger-kms", """{"role":"ledger","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\"],\"Resource\":\"*\"}]}"}""")]),
        ["iam service wildcard: s3:* on * fails"] = new(IamNoServiceWildcardRule.Code, true, Production,
            [Resource(RolePolicy, "ledger-s3", """{"role":"ledger","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"}""")], "s3:*"),
        ["iam service role: read-only attachment passes"] = new(IamNoAdminPolicyOnServiceRolesRule.Code, false, Production,
        [
            Resource(IamRole, "ledger-role", $$"""{"name":"ledger","assumeRolePolicy":{{System.Text.Json.JsonSerializer.Serialize(ServiceTrust)}}}"""),
            Resource(Attachment, "ledger-ssm", """{"role":"ledger","policyArn":"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"}"""),
        ]),
        ["iam service role: AdministratorAccess attachment fails"] = new(IamNoAdminPolicyOnServiceRolesRule.Code, true, Production,
        [
            Resource(IamRole, "ledger-role", $$"""{"name":"ledger","assumeRolePolicy":{{System.Text.Json.JsonSerializer.Serialize(ServiceTrust)}}}"""),
            Resource(Attachment, "ledger-admin", """{"role":"ledger","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}"""),
        ], "AdministratorAccess"),
        ["iam service role: managedPolicyArns with PowerUserAccess fails"] = new(IamNoAdminPolicyOnServiceRolesRule.Code, true, Production,
            [Resource(IamRole, "ledger-role", $$"""{"name":"ledger","assumeRolePolicy":{{System.Text.Json.JsonSerializer.Serialize(ServiceTrust)}},"managedPolicyArns":["arn:aws:iam::aws:policy/PowerUserAccess"]}""")]),

        // Load balancers
        ["listener: HTTPS passes"] = new(LbListenerHttpsRule.Code, false, Production,
            [Resource(Listener, "https", """{"port":443,"protocol":"HTTPS","sslPolicy":"ELBSecurityPolicy-TLS13-1-2-2021-06","certificateArn":"arn:aws:acm:eu-west-3:444455556666:certificate/1"}""")]),
        ["listener: HTTP redirecting to HTTPS passes"] = new(LbListenerHttpsRule.Code, false, Production,
            [Resource(Listener, "http", """{"port":80,"protocol":"HTTP","defaultActions":[{"type":"redirect","redirect":{"port":"443","protocol":"HTTPS","statusCode":"HTTP_301"}}]}""")]),
        ["listener: HTTP forwarding fails"] = new(LbListenerHttpsRule.Code, true, Production,
            [Resource(Listener, "http", """{"port":80,"protocol":"HTTP","defaultActions":[{"type":"forward","targetGroupArn":"arn:aws:elasticloadbalancing:eu-west-3:444455556666:targetgroup/ledger/1"}]}""")]),
        ["tls policy: TLS 1.3 policy passes"] = new(LbListenerTlsPolicyRule.Code, false, Production,
            [Resource(Listener, "https", """{"protocol":"HTTPS","sslPolicy":"ELBSecurityPolicy-TLS13-1-2-2021-06"}""")]),
        ["tls policy: 2016-08 policy fails"] = new(LbListenerTlsPolicyRule.Code, true, Production,
            [Resource(Listener, "https", """{"protocol":"HTTPS","sslPolicy":"ELBSecurityPolicy-2016-08"}""")], "ELBSecurityPolicy-2016-08"),
        ["tls policy: Ext policy fails"] = new(LbListenerTlsPolicyRule.Code, true, Production,
            [Resource(Listener, "tls", """{"protocol":"TLS","sslPolicy":"ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06"}""")]),
        ["access logs: enabled with a bucket passes"] = new(LbAccessLogsRule.Code, false, Production,
            [Resource(LoadBalancer, "internal", """{"accessLogs":{"bucket":"bank-lb-logs-production","enabled":true,"prefix":"internal"}}""")]),
        ["access logs: missing fails"] = new(LbAccessLogsRule.Code, true, Production,
            [Resource(LoadBalancer, "internal", """{"internal":true,"loadBalancerType":"application"}""")]),
        ["headers: dropping invalid headers passes"] = new(LbDropInvalidHeadersRule.Code, false, Production,
            [Resource(LoadBalancer, "internal", """{"loadBalancerType":"application","dropInvalidHeaderFields":true}""")]),
        ["headers: network load balancer passes"] = new(LbDropInvalidHeadersRule.Code, false, Production,
            [Resource(LoadBalancer, "kafka-nlb", """{"loadBalancerType":"network"}""")]),
        ["headers: application load balancer keeping them fails"] = new(LbDropInvalidHeadersRule.Code, true, Production,
            [Resource(LoadBalancer, "internal", """{"loadBalancerType":"application","dropInvalidHeaderFields":false}""")]),

        // S3
        ["s3 public: bucket with a full public access block passes"] = new(S3PublicAccessBlockRule.Code, false, Production,
        [
            Resource(BucketV2, "exports", """{"bucket":"bank-ledger-exports"}""", id: "bank-ledger-exports"),
            Resource(PublicAccessBlock, "exports-pab", """{"bucket":"bank-ledger-exports","blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}"""),
        ]),
        ["s3 public: bucket without a block fails"] = new(S3PublicAccessBlockRule.Code, true, Production,
            [Resource(BucketV2, "exports", """{"bucket":"bank-ledger-exports"}""")], "no aws.s3.BucketPublicAccessBlock"),
        ["s3 public: block with restrictPublicBuckets false fails"] = new(S3PublicAccessBlockRule.Code, true, Production,
        [
            Resource(BucketV2, "exports", """{"bucket":"bank-ledger-exports"}"""),
            Resource(PublicAccessBlock, "exports-pab", """{"bucket":"bank-ledger-exports","blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":false}"""),
        ], "restrictPublicBuckets"),
        ["s3 kms: aws:kms configuration found by dependency passes"] = new(S3KmsEncryptionRule.Code, false, Production,
        [
            Resource(BucketV2, "exports", "{}"),
            Resource(Encryption, "exports-sse", """{"bucket":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms","kmsMasterKeyId":"alias/infra-production"},"bucketKeyEnabled":true}]}""",
                dependencies: [UrnOf(BucketV2, "exports")]),
        ]),
        ["s3 kms: AES256 fails"] = new(S3KmsEncryptionRule.Code, true, Production,
        [
            Resource(BucketV2, "exports", """{"bucket":"bank-ledger-exports"}"""),
            Resource(Encryption, "exports-sse", """{"bucket":"bank-ledger-exports","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"AES256"}}]}"""),
        ], "AES256"),
        ["s3 versioning: enabled passes"] = new(S3VersioningRule.Code, false, Production,
        [
            Resource(BucketV2, "exports", """{"bucket":"bank-ledger-exports"}"""),
            Resource(Versioning, "exports-versioning", """{"bucket":"bank-ledger-exports","versioningConfiguration":{"status":"Enabled"}}"""),
        ]),
        ["s3 versioning: suspended fails"] = new(S3VersioningRule.Code, true, Production,
        [
            Resource(BucketV2, "exports", """{"bucket":"bank-ledger-exports"}"""),
            Resource(Versioning, "exports-versioning", """{"bucket":"bank-ledger-exports","versioningConfiguration":{"status":"Suspended"}}"""),
        ], "Suspended"),

        // Kafka
        ["kafka rf: 3 in production passes"] = new(KafkaReplicationFactorRule.Code, false, Production,
            [Resource(Topic, "payments.transfer.initiated.v1", """{"name":"payments.transfer.initiated.v1","partitions":12,"replicationFactor":3}""")]),
        ["kafka rf: 1 in staging passes"] = new(KafkaReplicationFactorRule.Code, false, Staging,
            [Resource(Topic, "payments.transfer.initiated.v1", """{"name":"payments.transfer.initiated.v1","partitions":3,"replicationFactor":1}""", stack: "staging")]),
        ["kafka rf: 2 in production fails"] = new(KafkaReplicationFactorRule.Code, true, Production,
            [Resource(Topic, "payments.transfer.initiated.v1", """{"name":"payments.transfer.initiated.v1","partitions":12,"replicationFactor":2}""")]),
        ["kafka isr: 2 of 3 passes"] = new(KafkaMinInSyncReplicasRule.Code, false, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"replicationFactor":3,"config":{"min.insync.replicas":"2"}}""")]),
        ["kafka isr: unset in production fails"] = new(KafkaMinInSyncReplicasRule.Code, true, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"replicationFactor":3,"config":{"retention.ms":"604800000"}}""")], "not set"),
        ["kafka isr: equal to the replication factor fails"] = new(KafkaMinInSyncReplicasRule.Code, true, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"replicationFactor":3,"config":{"min.insync.replicas":"3"}}""")], "not below"),
        ["kafka retention: Kafka's 7-day default passes"] = new(KafkaBoundedRetentionRule.Code, false, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"config":{"cleanup.policy":"delete"}}""")]),
        ["kafka retention: 7 days passes"] = new(KafkaBoundedRetentionRule.Code, false, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"config":{"cleanup.policy":"delete","retention.ms":"604800000"}}""")]),
        ["kafka retention: compacted topic passes"] = new(KafkaBoundedRetentionRule.Code, false, Production,
            [Resource(Topic, "payments.beneficiary.snapshot.v1", """{"config":{"cleanup.policy":"compact"}}""")]),
        ["kafka retention: infinite fails"] = new(KafkaBoundedRetentionRule.Code, true, Production,
            [Resource(Topic, "ledger.posting.created.v1", """{"config":{"retention.ms":"-1"}}""")], "-1"),

        // Vault
        ["vault policy: scoped read passes"] = new(VaultPolicyNoSudoRule.Code, false, Production,
            [Resource(VaultPolicy, "payments-read", """{"name":"payments-read","policy":"path \"database/creds/payments-db-read\" {\n  capabilities = [\"read\"]\n}\n"}""")]),
        ["vault policy: sudo fails"] = new(VaultPolicyNoSudoRule.Code, true, Production,
            [Resource(VaultPolicy, "payments-ops", """{"name":"payments-ops","policy":"path \"sys/leases/*\" {\n  capabilities = [\"read\", \"list\", \"sudo\"]\n}\n"}""")], "sudo"),
        ["vault policy: root path fails"] = new(VaultPolicyNoSudoRule.Code, true, Production,
            [Resource(VaultPolicy, "everything", """{"name":"everything","policy":"path \"*\" {\n  capabilities = [\"read\", \"list\"]\n}\n"}""")], "root-equivalent"),
        ["vault aws auth: 1h/24h passes"] = new(VaultAwsAuthRoleTtlRule.Code, false, Production,
            [Resource(AwsAuthRole, "ledger", """{"role":"ledger","authType":"iam","tokenTtl":3600,"tokenMaxTtl":86400,"tokenPolicies":["ledger"]}""")]),
        ["vault aws auth: unset TTLs fail"] = new(VaultAwsAuthRoleTtlRule.Code, true, Production,
            [Resource(AwsAuthRole, "ledger", """{"role":"ledger","authType":"iam","tokenPolicies":["ledger"]}""")], "32 days"),
        ["vault aws auth: ttl above max fails"] = new(VaultAwsAuthRoleTtlRule.Code, true, Production,
            [Resource(AwsAuthRole, "ledger", """{"role":"ledger","tokenTtl":3600,"tokenMaxTtl":1800}""")], "above tokenMaxTtl"),
        ["vault static role: daily rotation passes"] = new(VaultStaticRoleRotationRule.Code, false, Production,
            [Resource(StaticRole, "ledger-app", """{"backend":"postgres","dbName":"ledger-db","username":"ledger_app","rotationPeriod":86400}""")]),
        ["vault static role: schedule passes"] = new(VaultStaticRoleRotationRule.Code, false, Production,
            [Resource(StaticRole, "ledger-app", """{"backend":"postgres","dbName":"ledger-db","username":"ledger_app","rotationSchedule":"0 3 * * SAT","rotationWindow":3600}""")]),
        ["vault static role: 14 days in staging passes"] = new(VaultStaticRoleRotationRule.Code, false, Staging,
            [Resource(StaticRole, "ledger-app", """{"rotationPeriod":1209600}""", stack: "staging")]),
        ["vault static role: 14 days in production fails"] = new(VaultStaticRoleRotationRule.Code, true, Production,
            [Resource(StaticRole, "ledger-app", """{"rotationPeriod":1209600}""")], "at most 604800"),
        ["vault static role: no rotation fails"] = new(VaultStaticRoleRotationRule.Code, true, Staging,
            [Resource(StaticRole, "ledger-app", """{"backend":"postgres","username":"ledger_app"}""", stack: "staging")], "never rotates"),
        ["vault db role: 1h/8h passes"] = new(VaultDatabaseRoleTtlRule.Code, false, Production,
            [Resource(DatabaseRole, "ledger-read", """{"backend":"postgres","dbName":"ledger-db","defaultTtl":3600,"maxTtl":28800,"creationStatements":["CREATE ROLE"]}""")]),
        ["vault db role: 30 days max fails"] = new(VaultDatabaseRoleTtlRule.Code, true, Production,
            [Resource(DatabaseRole, "ledger-read", """{"defaultTtl":3600,"maxTtl":2592000}""")], "maxTtl"),

        // GitLab and people
        ["gitlab owner: platform member passes"] = new(GitLabOwnerPlatformOnlyRule.Code, false, Production,
            [Resource(GroupMembership, "adupont-platform", """{"groupId":12,"userId":101,"accessLevel":"owner"}""")]),
        ["gitlab owner: payments maintainer passes"] = new(GitLabOwnerPlatformOnlyRule.Code, false, Production,
            [Resource(GroupMembership, "cmartin-payments", """{"groupId":14,"userId":233,"accessLevel":"maintainer"}""")]),
        ["gitlab owner: payments member as owner fails"] = new(GitLabOwnerPlatformOnlyRule.Code, true, Production,
            [Resource(GroupMembership, "cmartin-payments", """{"groupId":14,"userId":233,"accessLevel":"owner"}""")], "cmartin"),
        ["gitlab owner: the people component's platform membership passes by its name"] = new(GitLabOwnerPlatformOnlyRule.Code, false, Production,
            [Resource(GroupMembership, "people-gitlab-adupont-bank-platform", """{"groupId":12,"userId":5001,"accessLevel":"owner"}""")]),
        ["gitlab owner: the people component's payments membership as owner fails by its name"] = new(GitLabOwnerPlatformOnlyRule.Code, true, Production,
            [Resource(GroupMembership, "people-gitlab-cmartin-bank-payments", """{"groupId":14,"userId":5002,"accessLevel":"owner"}""")], "cmartin is Owner"),
        ["gitlab owner: unknown user as owner fails"] = new(GitLabOwnerPlatformOnlyRule.Code, true, Production,
            [Resource(GroupMembership, "someone", """{"groupId":14,"userId":999,"accessLevel":"owner"}""")], "user 999"),
        ["end date: membership expiring with the contract passes"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(GroupMembership, "cmurphy-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer","expiresAt":"2026-11-27"}""")]),
        ["end date: membership without expiry for a contractor fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "cmurphy-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer"}""")], "no expiresAt"),
        ["end date: leaver still member fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "dkelly-platform", """{"groupId":12,"userId":377,"accessLevel":"maintainer"}""")], "left on 2025-08-29"),
        ["end date: expiry after the contract fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "cmurphy-shared", """{"groupId":15,"userId":412,"accessLevel":"developer","expiresAt":"2027-01-31"}""")], "keeps cmurphy a member after their end date 2026-11-27"),
        ["end date: expiry the day after the last day passes (GitLab removes on the expiry day)"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(GroupMembership, "people-gitlab-cmurphy-bank-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer","expiresAt":"2026-11-28"}""")]),
        ["end date: expiry two days after the last day fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "people-gitlab-cmurphy-bank-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer","expiresAt":"2026-11-29"}""")], "expect 2026-11-28 at the latest"),
        ["grant: grant running until next week passes"] = new(TemporaryGrantExpiredRule.Code, false, Production,
            [Resource(GroupMembership, "cmartin-payments-db", """{"groupId":20,"userId":233,"accessLevel":"reporter","expiresAt":"2026-11-25"}""")]),
        ["grant: grant that expired in October fails"] = new(TemporaryGrantExpiredRule.Code, true, Production,
            [Resource(GroupMembership, "bfaure-cards-incident", """{"groupId":21,"userId":245,"accessLevel":"reporter","expiresAt":"2026-10-09"}""")], "expired on 2026-10-09"),

        // Governance
        ["tags: all six tags pass"] = new(MandatoryTagsRule.Code, false, Production,
            [Resource(Sg, "ledger-sg", $$"""{"tags":{{GoodTags}}}""")]),
        ["tags: provider default tags in tagsAll count"] = new(MandatoryTagsRule.Code, false, Production,
            [Resource(KmsKey, "data", """{"tags":{"service":"ledger","team":"core-banking","data-classification":"restricted"}}""",
                outputs: """{"tagsAll":{"service":"ledger","team":"core-banking","data-classification":"restricted","environment":"production","cost-center":"CC-2320","managed-by":"pulumi"}}""")]),
        ["tags: autoscaling group tags list passes"] = new(MandatoryTagsRule.Code, false, Production,
            [Resource(Asg, "ledger", """{"tags":[{"key":"service","value":"ledger","propagateAtLaunch":true},{"key":"team","value":"core-banking","propagateAtLaunch":true},{"key":"environment","value":"production","propagateAtLaunch":true},{"key":"cost-center","value":"CC-2320","propagateAtLaunch":true},{"key":"data-classification","value":"restricted","propagateAtLaunch":true},{"key":"managed-by","value":"pulumi","propagateAtLaunch":true}]}""")]),
        ["tags: missing tags fail"] = new(MandatoryTagsRule.Code, true, Production,
            [Resource(Sg, "ledger-sg", """{"tags":{"service":"ledger","team":"core-banking"}}""")], "environment, cost-center, data-classification, managed-by"),
        ["tags: staging tag in production fails"] = new(MandatoryTagsRule.Code, true, Production,
            [Resource(Sg, "ledger-sg", """{"tags":{"service":"ledger","team":"core-banking","environment":"staging","cost-center":"CC-2320","data-classification":"restricted","managed-by":"pulumi"}}""")], "expected 'production'"),
        ["classification: restricted passes"] = new(DataClassificationTagRule.Code, false, Production,
            [Resource(Sg, "ledger-sg", $$"""{"tags":{{GoodTags}}}""")]),
        ["classification: unknown level fails"] = new(DataClassificationTagRule.Code, true, Production,
            [Resource(Sg, "ledger-sg", """{"tags":{"data-classification":"secret"}}""")], "'secret'"),
        ["regions: Paris provider passes"] = new(EuRegionsOnlyRule.Code, false, Production,
            [AwsProvider("eu-west-3", "eu-west-3"), Resource(Volume, "data", """{"availabilityZone":"eu-west-1b","encrypted":true}""")]),
        ["regions: us-east-1 provider fails"] = new(EuRegionsOnlyRule.Code, true, Production,
            [AwsProvider("us", "us-east-1")], "us-east-1"),
        ["regions: London resource region fails"] = new(EuRegionsOnlyRule.Code, true, Production,
            [Resource(KmsKey, "backup", """{"region":"eu-west-2","enableKeyRotation":true}""")], "eu-west-2"),

        // Secrets
        ["credentials: secret master password passes"] = new(CredentialsAreSecretsRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", $$"""{"masterUsername":"ledger_admin","masterPassword":{{SecretJson()}}}""")]),
        ["credentials: plain master password fails"] = new(CredentialsAreSecretsRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"masterUsername":"ledger_admin","masterPassword":"hunter2-in-clear"}""")], "masterPassword"),

        // Stack-wide
        ["fleet: three subnets in three zones pass"] = new(FleetSpansZonesRule.Code, false, Production,
        [
            Resource(Asg, "ledger", """{"vpcZoneIdentifiers":["subnet-09bfc03886b6e9cf9","subnet-0f3fd0b32de83116e"],"minSize":3,"maxSize":9}"""),
            Resource(Subnet, "a", """{"availabilityZone":"eu-west-3a"}""", id: "subnet-09bfc03886b6e9cf9"),
            Resource(Subnet, "b", """{"availabilityZone":"eu-west-3b"}""", id: "subnet-0f3fd0b32de83116e"),
        ]),
        ["fleet: one subnet fails"] = new(FleetSpansZonesRule.Code, true, Production,
            [Resource(Asg, "ledger", """{"vpcZoneIdentifiers":["subnet-09bfc03886b6e9cf9"],"minSize":3,"maxSize":9}""")], "1 zone"),
        ["fleet: two subnets of the same zone fail"] = new(FleetSpansZonesRule.Code, true, Production,
        [
            Resource(Asg, "ledger", """{"vpcZoneIdentifiers":["subnet-1","subnet-2"]}"""),
            Resource(Subnet, "a1", """{"availabilityZone":"eu-west-3a"}""", id: "subnet-1"),
            Resource(Subnet, "a2", """{"availabilityZone":"eu-west-3a"}""", id: "subnet-2"),
        ], "eu-west-3a"),
        ["secondary region: global cluster across Paris and Ireland passes"] = new(ProductionDatabaseSecondaryRegionRule.Code, false, Production, SecondaryRegion(secondaryRegion: "eu-west-1")),
        ["secondary region: staging cluster without global cluster passes"] = new(ProductionDatabaseSecondaryRegionRule.Code, false, Staging,
            [Resource(Cluster, "ledger-db", """{"engine":"aurora-postgresql"}""", stack: "staging")]),
        ["secondary region: both clusters in Paris fail"] = new(ProductionDatabaseSecondaryRegionRule.Code, true, Production, SecondaryRegion(secondaryRegion: "eu-west-3"), "eu-west-3 only"),
        ["secondary region: production cluster alone fails"] = new(ProductionDatabaseSecondaryRegionRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"engine":"aurora-postgresql"}""")], "not part of a global cluster"),
        ["components: resource inside a component passes"] = new(NoUnmanagedResourcesRule.Code, false, Production,
            [Resource(KmsKey, "data", "{}")]),
        ["components: provider and component under the stack pass"] = new(NoUnmanagedResourcesRule.Code, false, Production,
            [AwsProvider("eu-west-3", "eu-west-3"), Resource("infra:fleet:ServiceFleet", "ledger", "{}", parent: StackUrn(), custom: false)]),
        ["components: bucket directly under the stack fails"] = new(NoUnmanagedResourcesRule.Code, true, Production,
            [Resource(BucketV2, "scratch", "{}", parent: StackUrn())], "stack itself"),
    };

    private static PolicyResource[] SecondaryRegion(string secondaryRegion)
    {
        var paris = AwsProvider("paris", "eu-west-3");
        var other = AwsProvider("secondary", secondaryRegion);
        return
        [
            paris,
            other,
            Resource(GlobalCluster, "ledger-global", """{"globalClusterIdentifier":"ledger","engine":"aurora-postgresql","storageEncrypted":true}"""),
            Resource(Cluster, "ledger-db-primary", """{"globalClusterIdentifier":"ledger","engine":"aurora-postgresql"}""", provider: ProviderReference(paris)),
            Resource(Cluster, "ledger-db-secondary", """{"globalClusterIdentifier":"ledger","engine":"aurora-postgresql"}""", provider: ProviderReference(other)),
        ];
    }
}
