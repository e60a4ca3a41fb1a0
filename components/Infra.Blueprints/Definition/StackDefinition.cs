using Infra.Blueprints.Account;

namespace Infra.Blueprints.Definition;

/// <summary>
/// The typed model of one environment: its stack config and the shared catalogs. Lists are sorted
/// by name so that the model does not depend on the order keys were written in.
/// </summary>
public sealed record StackDefinition(
    string StackName,
    EnvironmentKind Environment,
    string CostCenter,
    RegionPair Regions,
    EquatableList<RegionNetwork> Networks,
    PlatformEndpoints Endpoints,
    VaultSettings Vault,
    EquatableList<ServiceDefinition> Services,
    EquatableList<DatabaseDefinition> Databases,
    DatabaseAccess DatabaseAccess,
    AccountBaselineSettings AccountBaseline,
    Catalog Catalog);
