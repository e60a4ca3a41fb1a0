using Infra.Blueprints.Definition;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.People;

/// <summary>
/// Everything the PeopleAccess component creates in a stack at an instant. Only the people with access
/// at that instant appear, so whoever is past their end date loses everything at the next run. GitLab
/// is one instance for every environment: only the production stack holds its memberships. A temporary grant is
/// a resource of its kind (<see cref="GrantKinds"/>) while it is in force, and gone from the first run after it ends.
/// No VPN certificate is a resource: a person's device makes the key and Vault signs its CSR (docs/people-access.md), so
/// neither a key nor a certificate of a person is in Pulumi's state.
/// </summary>
public sealed record PeopleAccessBlueprint(
    string Stack,
    DateTimeOffset At,
    EquatableList<VaultIdentityBlueprint> Identities,
    EquatableList<VaultTeamGroupBlueprint> TeamGroups,
    EquatableList<GitLabMembershipBlueprint> GitLabMemberships,
    VpnPkiBlueprint VpnPki,
    VpnPkiRoleBlueprint VpnRole,
    VaultPolicy VpnCertificatePolicy,
    EquatableList<VpnEndpointBlueprint> VpnEndpoints,
    EquatableList<VpnAuthorizationBlueprint> VpnAuthorizations,
    EquatableList<ConsulPolicyBlueprint> ConsulPolicies,
    EquatableList<ConsulTokenBlueprint> ConsulTokens,
    EquatableList<DatabaseGrantBlueprint> DatabaseGrants,
    EquatableList<VaultPolicy> GrantPolicies,
    EquatableList<SessionGrantBlueprint> SessionGrants)
{
    /// <summary>The people whose entity may sign their own VPN certificate in this stack: those with a VPN network here.</summary>
    public EquatableList<string> VpnCertificateSigners =>
        Identities.Where(i => i.Policies.Contains(VpnCertificatePolicy.Name)).Select(i => i.Person).ToEquatableList();
}
