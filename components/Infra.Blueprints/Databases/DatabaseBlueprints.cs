using System.Globalization;
using System.Net;
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
    public const string VaultPlugin = "postgresql-database-plugin";

    /// <summary>The RDS CA bundle (global-bundle.pem) on Vault's servers and the operations host.</summary>
    public const string RdsCaBundlePath = "/etc/ssl/rds/global-bundle.pem";

    /// <summary>
    /// What pgaudit logs, by class: changes of the schema and of roles and grants. Not READ or WRITE,
    /// whose statements carry customer data, and not parameters, which would log the values.
    /// </summary>
    public const string PgAuditClasses = "ddl,role";

    /// <summary>RDS refuses / " @ in a master password; ' \ ` $ and space would need quoting in SQL or a shell.</summary>
    public const string PasswordExcludedCharacters = "/\"@'\\`$ ";

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
                // No statement text in the general log (it can hold restricted data): slow statements
                // are found in Performance Insights, changes in the audit log.
                new("log_min_duration_statement", "-1", PendingReboot),
                new("shared_preload_libraries", "pg_stat_statements,pgaudit", PendingReboot),
                new("pgaudit.log", PgAuditClasses, PendingReboot),
                new("pgaudit.log_parameter", "0", PendingReboot),
                new("pgaudit.log_catalog", "0", PendingReboot),
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
            AutoMinorVersionUpgrade: false,
            AllowMajorVersionUpgrade: false,
            DeleteAutomatedBackups: false,
            LogRetentionDays: production ? 731 : 365);
        var regions = new[] { (definition.Regions.Primary, true), (definition.Regions.Secondary, false) }
            .Select(r => Region(database, definition, r.Item1, r.Item2, usedBy, cluster))
            .ToEquatableList();
        var globalRegion = regions.Select(r => r.Region).Min(StringComparer.Ordinal)!;
        var allowedRoles = vault.DatabaseRoles.Where(r => r.Database == database.Name).Select(r => r.Name)
            .Concat(vault.StaticRoles.Where(r => r.Database == database.Name).Select(r => r.Name))
            .Append(VaultNames.DatabaseGrantRoles(database.Name)) // people's temporary grants (PeopleAccessBlueprints)
            .Order(StringComparer.Ordinal)
            .ToEquatableList();
        var databaseName = database.Name.Replace('-', '_');
        var datacenters = ConsulDatacenters.All(definition);
        return new DatabaseBlueprint(
            database.Name,
            database.Team,
            definition.StackName,
            definition.Environment,
            $"{database.Name}-{definition.StackName}",
            globalRegion,
            database.EngineVersion,
            databaseName,
            MasterUsername,
            new MasterSecretBlueprint(
                $"rds/{database.Name}-{definition.StackName}/master",
                globalRegion,
                regions.Select(r => r.Region).Single(r => r != globalRegion),
                PasswordLength: 40,
                PasswordExcludedCharacters,
                RecoveryWindowDays: production ? 30 : 7),
            PostgreSqlPort,
            cluster,
            regions,
            usedBy,
            new ConsulExternalService(
                $"{database.Name}-aurora",
                database.Name,
                PostgreSqlPort,
                [Engine, "writer"],
                [$"{database.Name}.service.consul", .. datacenters.Select(d => $"{database.Name}.service.{d.Datacenter}.consul")],
                datacenters.Select(d => new ConsulCatalogEntry(d.Datacenter, d.Datacenter == definition.Endpoints.ConsulDatacenter ? "" : $"-{d.Datacenter}")).ToEquatableList()),
            new VaultConnectionBlueprint(
                database.Name,
                vault.DatabaseMount.Path,
                VaultPlugin,
                MasterUsername,
                databaseName,
                PostgreSqlPort,
                allowedRoles,
                ["ALTER USER \"{{name}}\" WITH PASSWORD '{{password}}';"],
                PasswordAuthentication: "scram-sha-256",
                // A broken network path or TLS setup fails the apply, not the first credential request.
                VerifyConnection: true,
                $"vault write -f {vault.DatabaseMount.Path}/rotate-root/{database.Name}",
                RdsCaBundlePath),
            database.MaxReplicationLag,
            StandardTags.For(database.Name, database.Team, database.DataClassification, definition));
    }

    private static DatabaseRegionBlueprint Region(DatabaseDefinition database, StackDefinition definition, string region, bool isPrimary, EquatableList<string> usedBy, ClusterSettings cluster)
    {
        var family = cluster.ParameterGroupFamily;
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
        // Every service has a fleet in both regions (the standby in the secondary): each region's group
        // admits its own region's fleets by security group (a group cannot name one of another region).
        var fleetRules = usedBy.Select(service => new SecurityRule(
            string.Create(CultureInfo.InvariantCulture, $"in-from-{service}-{PostgreSqlPort}"),
            RuleDirection.Ingress,
            "tcp",
            PostgreSqlPort,
            RulePeer.Fleet(service),
            $"PostgreSQL from {service}, which uses {database.Name}"));
        // The fleets of the other region reach this one's cluster at all times (a security group cannot
        // name a group of another region, so by their subnets): right after a switchover the writer is
        // here while they still run there.
        var otherRegionFleets = definition.Networks.Where(n => n.Region != region && (n.Region == definition.Regions.Primary || n.Region == definition.Regions.Secondary))
            .SelectMany(n => NetworkRules($"fleets-{n.Region}", n.Subnets.Select(s => s.Cidr).ToEquatableList(), $"PostgreSQL from the fleets' subnets in {n.Region}, for the writer after a switch"));
        // Vault and the bootstrap reach both regions' clusters: after a switch the writer is in the other one.
        var rules = fleetRules
            .Concat(otherRegionFleets)
            .Concat(NetworkRules("vault", definition.DatabaseAccess.VaultNetworks, $"PostgreSQL from Vault, which issues and revokes the credentials of {database.Name}"))
            .Concat(NetworkRules("bootstrap", definition.DatabaseAccess.BootstrapNetworks, $"PostgreSQL from the operations host that bootstraps {database.Name}"))
            .ToEquatableList();
        var logGroupPrefix = $"/aws/rds/cluster/{clusterIdentifier}/";
        return new DatabaseRegionBlueprint(
            region,
            isPrimary,
            clusterIdentifier,
            $"{clusterIdentifier}-final",
            clusterIdentifier,
            network.Subnets.Select(s => s.SubnetId).ToEquatableList(),
            $"{clusterIdentifier}-{family}",
            [.. cluster.Parameters, .. ManagedRpoParameter(database, definition, isPrimary)],
            $"{database.Name} ({definition.StackName}, {region}): storage, master secret, logs, backups and Performance Insights",
            DatabaseKeyPolicy.For(network.Account, region, logGroupPrefix, definition.DatabaseBackup.AccountId),
            logGroupPrefix + "postgresql",
            new SecurityGroupSettings(network.VpcId, $"{database.Name} database", rules, RevokeRulesOnDelete: true),
            instances);
    }

    /// <summary>One ingress rule per network, named from the network so that adding one renames no other.</summary>
    private static IEnumerable<SecurityRule> NetworkRules(string purpose, EquatableList<IPNetwork> networks, string description) =>
        networks.Select(network => new SecurityRule(
            string.Create(CultureInfo.InvariantCulture, $"in-from-{purpose}-{network.BaseAddress.ToString().Replace('.', '-')}-{network.PrefixLength}"),
            RuleDirection.Ingress,
            "tcp",
            PostgreSqlPort,
            RulePeer.Cidr(network.ToString()),
            description));

    /// <summary>
    /// On the writer's parameter group only: the writer waits for the secondary when it lags more than
    /// this, so the failover's RPO holds. AWS's advice for two regions is to leave it unset on the
    /// secondary: there it would block every commit after a failover, with no secondary left. And none
    /// while the secondary region is lost, for the same reason.
    /// </summary>
    private static IEnumerable<ClusterParameter> ManagedRpoParameter(DatabaseDefinition database, StackDefinition definition, bool isPrimary) =>
        isPrimary && !definition.Regions.SecondaryLost
            ? [new("rds.global_db_rpo", ((int)ManagedRpo(database.MaxReplicationLag).TotalSeconds).ToString(CultureInfo.InvariantCulture), PendingReboot)]
            : [];

    /// <summary>The smallest rds.global_db_rpo Aurora PostgreSQL accepts: 20 s (Aurora User Guide, "Managing RPOs for Aurora PostgreSQL–based global databases").</summary>
    public static readonly TimeSpan MinimumManagedRpo = TimeSpan.FromSeconds(20);

    /// <summary>The RPO rds.global_db_rpo enforces for a declared lag bound: the bound, but never below what Aurora accepts.</summary>
    public static TimeSpan ManagedRpo(TimeSpan maxReplicationLag) =>
        TimeSpan.FromSeconds(Math.Ceiling(Math.Max(maxReplicationLag.TotalSeconds, MinimumManagedRpo.TotalSeconds)));

    /// <summary>The cluster parameter group family of an engine version: aurora-postgresql and the major version, "16.4" gives aurora-postgresql16.</summary>
    public static string ParameterGroupFamily(string engineVersion)
    {
        ArgumentNullException.ThrowIfNull(engineVersion);
        var dot = engineVersion.IndexOf('.', StringComparison.Ordinal);
        return Engine + (dot < 0 ? engineVersion : engineVersion[..dot]);
    }
}
