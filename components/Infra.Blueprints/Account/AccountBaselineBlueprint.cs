using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Account;

/// <summary>
/// The security baseline of an environment's account, as auditors test it (CIS AWS section 1 to 4, PCI DSS 10, DORA
/// Art. 9-10): the trail and its archive, the regional controls, the S3 account-level public access block and the
/// password policy. In <see cref="BaselineMode.CentralSecurityAccount"/> mode nothing is created: the component checks
/// GuardDuty and the Security Hub standards with invokes.
/// </summary>
public sealed record AccountBaselineBlueprint(
    BaselineMode Mode,
    string AccountId,
    string ConfigRoleArn,
    TrailSettings Trail,
    LogArchiveBucket Bucket,
    EquatableList<RegionalBaseline> Regions,
    PasswordPolicy PasswordPolicy,
    EquatableList<ResourceTag> Tags);
