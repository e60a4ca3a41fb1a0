using Infra.Blueprints.Definition;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.People;

/// <summary>
/// Everything the PeopleAccess component creates in a stack at an instant. Only the people with access
/// at that instant appear, so whoever is past their end date loses everything at the next run. GitLab
/// is one instance for every environment: only the production stack holds its memberships. A temporary grant is
/// a resource of its kind (<see cref="GrantKinds"/>) while it is in force, and gone from the first run after it ends.
/// </summary>
public sealed record PeopleAccessBlueprint(
    string Stack,
    DateTimeOffset At,
    EquatableList<VaultIdentityBlueprint> Identities,
    EquatableList<VaultTeamGroupBlueprint> TeamGroups,
    EquatableList<GitLabMembershipBlueprint> GitLabMemberships,
    VpnPkiRoleBlueprint VpnRole,
    EquatableList<VpnCertificateBlueprint> VpnCertificates,
    EquatableList<VpnAuthorizationBlueprint> VpnAuthorizations,
    EquatableList<ConsulPolicyBlueprint> ConsulPolicies,
    EquatableList<ConsulTokenBlueprint> ConsulTokens,
    EquatableList<DatabaseGrantBlueprint> DatabaseGrants,
    EquatableList<VaultPolicy> GrantPolicies,
    EquatableList<SessionGrantBlueprint> SessionGrants);
