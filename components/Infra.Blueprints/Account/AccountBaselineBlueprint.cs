using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Account;

/// <summary>
/// The security baseline of an environment's account, as auditors test it (CIS AWS section 1 to 4, PCI DSS 10, DORA
/// Art. 9-10): the trail and its archive, the regional controls, the S3 account-level public access block and the
/// password policy. In <see cref="BaselineMode.CentralSecurityAccount"/> mode nothing is created: the component checks
/// with lookups GuardDuty, the Security Hub standards and EBS encryption by default in every region, the S3 account
/// public access block and the trail's <see cref="Bucket"/> (owned by the log archive account, object-locked) once, and
/// the <see cref="CentralControls"/> through Security Hub.
/// </summary>
public sealed record AccountBaselineBlueprint(
    BaselineMode Mode,
    string AccountId,
    string ConfigRoleArn,
    TrailSettings Trail,
    LogArchiveBucket Bucket,
    EquatableList<RegionalBaseline> Regions,
    PasswordPolicy PasswordPolicy,
    EquatableList<ResourceTag> Tags)
{
    /// <summary>What central mode checks through Security Hub's CIS evaluation, for the controls no lookup reads.</summary>
    public EquatableList<CentralControl> CentralControls { get; init; } = [];
}
