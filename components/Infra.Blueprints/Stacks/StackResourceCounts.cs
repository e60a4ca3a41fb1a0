namespace Infra.Blueprints.Stacks;

/// <summary>
/// The counts the plan promises, one per reviewed kind of resource: a test checks that the stack
/// program registers exactly these on Pulumi's mocks.
/// </summary>
public sealed record StackResourceCounts(
    int Fleets,
    int Databases,
    int KafkaTopics,
    int KafkaAcls,
    int VaultPolicies,
    int VaultAwsAuthRoles,
    int VaultPkiRoles,
    int VaultPeopleEntities,
    int VaultTeamGroups,
    int GitLabMemberships,
    int VpnCertificateSigners,
    int VpnAuthorizations,
    int ConsulPeopleTokens,
    int AlertTopics,
    int MetricAlarms,
    int CompositeAlarms,
    int Dashboards);
