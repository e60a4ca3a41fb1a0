using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Backups;

/// <summary>
/// AWS Backup in one region. In the environment's account: a vault under its own key, a plan whose
/// rule copies to <see cref="CopyVaultArn"/> and <see cref="CrossRegionVaultArn"/>, and a selection
/// of the region's database clusters. In the backup account: the locked vault under its own key,
/// whose vault policy lets only the environment's account copy into it.
/// </summary>
/// <param name="ClusterArns">Every database's cluster in this region, whichever is the writer.</param>
public sealed record BackupRegionBlueprint(
    string Region,
    string VaultName,
    string VaultArn,
    string VaultKeyDescription,
    string VaultKeyPolicy,
    string PlanName,
    string RuleName,
    string SelectionName,
    EquatableList<string> ClusterArns,
    string CopyVaultName,
    string CopyVaultArn,
    string CopyVaultKeyDescription,
    string CopyVaultKeyPolicy,
    string CopyVaultPolicy,
    string CrossRegionVaultArn);
