using System.Globalization;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.Databases;

/// <summary>Builds one blueprint per database of a stack: a pure function of the definition.</summary>
public static class DatabaseBlueprints
{
    public const int PostgreSqlPort = 5432;
    public const string Engine = "aurora-postgresql";
    public const string MasterUsername = "dbmaster";
    public const string VaultUsername = "vault_admin";
    public const string VaultPlugin = "postgresql-database-plugin";

    /// <summary>Parameters take effect at the next reboot, in the maintenance window: RDS accepts it for static and dynamic ones alike.</summary>
    private const string PendingReboot = "pending-reboot";

    public static EquatableList<DatabaseBlueprint> For(StackDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var vault = VaultBlueprints.For(definition);
        return definition.Databases.Select(d => For(d, definition, vault)).ToEquatableList();
    }

    private static DatabaseBlueprint For(DatabaseDefinition database, StackDefinition definition, VaultBlueprint vault)
    {
        var production = definition.Environment == EnvironmentKind.Production;
        var usedBy = definition.Services.Where(s => s.DependsOn.Databases.Contains(database.Name)).Select(s => s.Name).ToEquatableList();
        var cluster = new ClusterSettings(
            ParameterGroupFamily(database.EngineVersion),
            [
                new("rds.force_ssl", "1", PendingReboot),
                new("ssl_min_protocol_version", "TLSv1.2", PendingReboot),
                new("log_connections", "1", PendingReboot),
                new("log_disconnections", "1", PendingReboot),
                new("log_min_duration_statement", "1000", PendingReboot),
            ],
            database.BackupRetentionDays,
            DatabaseWindows.Backup(database.Name),
            DatabaseWindows.Maintenance(database.Name),
            StorageEncrypted: true,
            IamAuthentication: true,
            DeletionProtection: production,
            Protect: production,
            // Production applies changes in the maintenance window; staging is there to try them at once.
            ApplyImmediately: !production,
            CopyTagsToSnapshot: true,
            LogExports: ["postgresql"],
            PerformanceInsightsRetentionDays: production ? 93 : 7,
            KmsDeletionWindowDays: production ? 30 : 7,
            // Deleting a cluster always leaves a final snapshot (FinalSnapshotIdentifier of each region).
            SkipFinalSnapshot: false,
            PubliclyAccessible: false,
            PerformanceInsightsEnabled: true,
            KmsKeyRotation: true,
            // RDS keeps the master password in Secrets Manager under the region's key: never in config or state.
            ManageMasterUserPassword: true);
        var regions = new[] { (definition.Regions.Primary, true), (definition.Regions.Secondary, false) }
            .Select(r => Region(database, definition, r.Item1, r.Item2, usedBy))
            .ToEquatableList();
        var allowedRoles = vault.DatabaseRoles.Where(r => r.Database == database.Name).Select(r => r.Name)
            .Concat(vault.StaticRoles.Where(r => r.Database == database.Name).Select(r => r.Name))
            .Order(StringComparer.Ordinal)
            .ToEquatableList();
        var databaseName = database.Name.Replace('-', '_');
        return new DatabaseBlueprint(
            database.Name,
            database.Team,
            definition.StackName,
            definition.Environment,
            $"{database.Name}-{definition.StackName}",
            regions.Select(r => r.Region).Min(StringComparer.Ordinal)!,
            database.EngineVersion,
            databaseName,
            MasterUsername,
            PostgreSqlPort,
            cluster,
            regions,
            usedBy,
            new ConsulExternalService(
                $"{database.Name}-aurora",
                database.Name,
                PostgreSqlPort,
                [Engine, "writer"],
                [$"{database.Name}.service.consul", $"{database.Name}.service.{definition.Endpoints.ConsulDatacenter}.consul"]),
            new VaultConnectionBlueprint(
                database.Name,
                vault.DatabaseMount.Path,
                VaultPlugin,
                VaultUsername,
                databaseName,
                PostgreSqlPort,
                allowedRoles,
                ["ALTER USER \"{{name}}\" WITH PASSWORD '{{password}}';"],
                PasswordAuthentication: "scram-sha-256",
                // The one-time password arrives with the bootstrap, after the connection exists.
                VerifyConnection: false,
                $"vault write -f {vault.DatabaseMount.Path}/rotate-root/{database.Name}"),
            database.MaxReplicationLag,
            StandardTags.For(database.Name, database.Team, database.DataClassification, definition));
    }

    private static DatabaseRegionBlueprint Region(DatabaseDefinition database, StackDefinition definition, string region, bool isPrimary, EquatableList<string> usedBy)
    {
        var network = definition.Networks.FirstOrDefault(n => n.Region == region)
            ?? throw new ArgumentException($"region {region} has no network", nameof(definition));
        if (network.Subnets.Count < 2)
        {
            throw new ArgumentException($"the network of {region} has {network.Subnets.Count} zone(s); a database cluster needs at least 2", nameof(definition));
        }
        // Names carry the region, never the role, so that a switch renames nothing.
        var clusterIdentifier = $"{database.Name}-{definition.StackName}-{region}";
        var readers = isPrimary ? database.Readers : database.SecondaryReaders;
        var instances = Enumerable.Range(0, 1 + readers)
            .Select(i => new DatabaseInstance(
                string.Create(CultureInfo.InvariantCulture, $"{clusterIdentifier}-{i + 1}"),
                network.Subnets[i % network.Subnets.Count].Zone,
                database.InstanceClass,
                PromotionTier: i == 0 ? 0 : 1))
            .ToEquatableList();
        // The fleets run in the primary region only; a security group cannot name a group of another region.
        var rules = isPrimary
            ? usedBy.Select(service => new SecurityRule(
                string.Create(CultureInfo.InvariantCulture, $"in-from-{service}-{PostgreSqlPort}"),
                RuleDirection.Ingress,
                "tcp",
                PostgreSqlPort,
                RulePeer.Fleet(service),
                $"PostgreSQL from {service}, which uses {database.Name}")).ToEquatableList()
            : [];
        return new DatabaseRegionBlueprint(
            region,
            isPrimary,
            clusterIdentifier,
            $"{clusterIdentifier}-final",
            clusterIdentifier,
            network.Subnets.Select(s => s.SubnetId).ToEquatableList(),
            clusterIdentifier,
            $"{database.Name} ({definition.StackName}, {region}): storage, master secret and Performance Insights",
            new SecurityGroupSettings(network.VpcId, $"{database.Name} database", rules, RevokeRulesOnDelete: true),
            instances);
    }

    /// <summary>The cluster parameter group family of an engine version: aurora-postgresql and the major version, "16.4" gives aurora-postgresql16.</summary>
    public static string ParameterGroupFamily(string engineVersion)
    {
        ArgumentNullException.ThrowIfNull(engineVersion);
        var dot = engineVersion.IndexOf('.', StringComparison.Ordinal);
        return Engine + (dot < 0 ? engineVersion : engineVersion[..dot]);
    }
}
