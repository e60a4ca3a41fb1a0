using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>Everything this program configures in an environment's Vault.</summary>
public sealed record VaultBlueprint(
    VaultProviderToken ProviderToken,
    VaultMount KvMount,
    VaultMount PkiMount,
    ServicePkiBlueprint ServicePki,
    VaultMount DatabaseMount,
    string AwsAuthPath,
    string IamServerIdHeaderValue,
    EquatableList<VaultAuditDevice> AuditDevices,
    EquatableList<VaultPolicy> Policies,
    EquatableList<AwsAuthRoleBlueprint> AwsAuthRoles,
    EquatableList<PkiRoleBlueprint> PkiRoles,
    EquatableList<DatabaseRoleBlueprint> DatabaseRoles,
    EquatableList<DatabaseStaticRoleBlueprint> StaticRoles);
