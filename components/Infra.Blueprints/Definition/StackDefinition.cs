using Infra.Blueprints.Account;

namespace Infra.Blueprints.Definition;

/// <summary>
/// The typed model of one environment: its stack config and the shared catalogs. Lists are sorted
/// by name so that the model does not depend on the order keys were written in. Every AWS provider of
/// the stack may act on <c>AwsAccountId</c> only (allowedAccountIds).
/// </summary>
public sealed record StackDefinition(
    string StackName,
    EnvironmentKind Environment,
    string CostCenter,
    string AwsAccountId,
    RegionPair Regions,
    EquatableList<RegionNetwork> Networks,
    PlatformEndpoints Endpoints,
    VaultSettings Vault,
    EquatableList<ServiceDefinition> Services,
    EquatableList<DatabaseDefinition> Databases,
    DatabaseAccess DatabaseAccess,
    DatabaseBackupSettings DatabaseBackup,
    AccountBaselineSettings AccountBaseline,
    Catalog Catalog);
