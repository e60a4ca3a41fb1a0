using Infra.Blueprints.Backups;
using Pulumi;

namespace Infra.Components.Backups;

/// <summary>What <see cref="DatabaseBackups"/> maps: the finished blueprint and the explicit providers of both accounts.</summary>
public sealed class DatabaseBackupsArgs
{
    public required DatabaseBackupBlueprint Blueprint { get; init; }

    /// <summary>The environment's account: one AWS provider per region of the blueprint, by region name.</summary>
    public required IReadOnlyDictionary<string, Pulumi.Aws.Provider> AwsProviders { get; init; }

    /// <summary>The backup account: one AWS provider per region of the blueprint, each assuming <see cref="DatabaseBackupBlueprint.BackupAccountRoleArn"/>.</summary>
    public required IReadOnlyDictionary<string, Pulumi.Aws.Provider> BackupAccountProviders { get; init; }

    /// <summary>What the selections wait for: the databases whose clusters they name.</summary>
    public IReadOnlyList<Resource> DatabasesDependOn { get; init; } = [];
}
