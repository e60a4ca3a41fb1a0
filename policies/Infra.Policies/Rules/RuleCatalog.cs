using Infra.Policies.Rules.Account;
using Infra.Policies.Rules.Compute;
using Infra.Policies.Rules.Databases;
using Infra.Policies.Rules.Encryption;
using Infra.Policies.Rules.GitLab;
using Infra.Policies.Rules.Governance;
using Infra.Policies.Rules.Identity;
using Infra.Policies.Rules.Logging;
using Infra.Policies.Rules.LoadBalancing;
using Infra.Policies.Rules.Messaging;
using Infra.Policies.Rules.Monitoring;
using Infra.Policies.Rules.Network;
using Infra.Policies.Rules.People;
using Infra.Policies.Rules.Secrets;
using Infra.Policies.Rules.StackWide;
using Infra.Policies.Rules.Storage;
using Infra.Policies.Rules.Vault;
using Infra.Policies.Rules.Vpn;
using Infra.Policies.Rules.Waivers;

namespace Infra.Policies.Rules;

/// <summary>Every rule of the library, in a stable order. The same objects run in the policy pack, the nightly run and tests.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<PolicyRule> All { get; } =
    [
        new SecurityGroupPublicIngressRule(),
        new SecurityGroupAdminPortsRule(),
        new SecurityGroupServicePortsBeyondVpcRule(),
        new SecurityGroupNoInternetEgressRule(),
        new ImdsV2RequiredRule(),
        new ImdsHopLimitRule(),
        new NoPublicIpRule(),
        new EncryptedVolumesRule(),
        new AllowedInstanceFamiliesRule(),
        new AutoscalingElbHealthCheckRule(),
        new KmsKeyRotationRule(),
        new KmsKeyDeletionWindowRule(),
        new KmsKeyPolicyNoPublicAccessRule(),
        new LogGroupRetentionRule(),
        new LogGroupKmsRule(),
        new ClientVpnAuthorizationByGroupRule(),
        new ClientVpnConnectionLoggingRule(),
        new CloudTrailRule(),
        new ConfigRecorderRule(),
        new GuardDutyEnabledRule(),
        new AccountPublicAccessBlockRule(),
        new EbsEncryptionByDefaultRule(),
        new PasswordPolicyRule(),
        new FlowLogAllTrafficRule(),
        new ObjectLockComplianceRule(),
        new RdsStorageEncryptedRule(),
        new RdsBackupRetentionRule(),
        new RdsDeletionProtectionRule(),
        new RdsNoPublicAccessRule(),
        new RdsIamAuthenticationRule(),
        new RdsFinalSnapshotRule(),
        new RdsForceSslRule(),
        new RdsPgAuditRule(),
        new RdsKeepAutomatedBackupsRule(),
        new RdsPerformanceInsightsKmsRule(),
        new RdsEngineUpgradePolicyRule(),
        new RdsDetachedFromGlobalClusterRule(),
        new IamNoWildcardAdminRule(),
        new IamNoServiceWildcardRule(),
        new IamNoAdminPolicyOnServiceRolesRule(),
        new IamRoleTrustRule(),
        new IamNoPassRoleOnAllRolesRule(),
        new LbListenerHttpsRule(),
        new LbListenerTlsPolicyRule(),
        new LbAccessLogsRule(),
        new LbDropInvalidHeadersRule(),
        new S3PublicAccessBlockRule(),
        new S3KmsEncryptionRule(),
        new S3VersioningRule(),
        new KafkaReplicationFactorRule(),
        new KafkaMinInSyncReplicasRule(),
        new KafkaBoundedRetentionRule(),
        new KafkaTopicDestructionRule(),
        new VaultPolicyNoSudoRule(),
        new VaultAwsAuthRoleTtlRule(),
        new VaultAwsAuthRoleBindingRule(),
        new VaultAuditTwoDevicesRule(),
        new VaultStaticRoleRotationRule(),
        new VaultDatabaseRoleTtlRule(),
        new GitLabOwnerPlatformOnlyRule(),
        new AccessPastEndDateRule(),
        new PeopleConsulNoServiceWriteRule(),
        new TemporaryGrantExpiredRule(),
        new MandatoryTagsRule(),
        new EuRegionsOnlyRule(),
        new AwsProviderAllowedAccountsRule(),
        new DataClassificationTagRule(),
        new CredentialsAreSecretsRule(),
        new FleetSpansZonesRule(),
        new ProductionDatabaseSecondaryRegionRule(),
        new NoUnmanagedResourcesRule(),
        new AlarmOwnerTeamRule(),
        new ProductionServicePagingRule(),
        new StateSecretsProviderRule(),
        new ExpiredWaiverRule(),
        new UnusedWaiverRule(),
    ];

    public static PolicyRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
