using Infra.Blueprints.Account;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Loading;

/// <summary>
/// What could be read of a stack's config, before cross checks. A part that failed to read is
/// null or left out of its list; <see cref="DeclaredServices"/> and <see cref="DeclaredDatabases"/>
/// still hold every name written, so that a broken service does not also show up as "unknown".
/// </summary>
internal sealed record StackSettings(
    EnvironmentKind? Environment,
    string? CostCenter,
    string? AwsAccountId,
    RegionPair? Regions,
    IReadOnlyList<RegionNetwork> Networks,
    PlatformEndpoints? Endpoints,
    VaultSettings? Vault,
    IReadOnlyList<ServiceDefinition> Services,
    IReadOnlyList<DatabaseDefinition> Databases,
    DatabaseAccess? DatabaseAccess,
    DatabaseBackupSettings? DatabaseBackup,
    AccountBaselineSettings? AccountBaseline,
    IReadOnlySet<string> DeclaredServices,
    IReadOnlySet<string> DeclaredDatabases);
