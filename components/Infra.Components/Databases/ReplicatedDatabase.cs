using System.Collections.Immutable;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Databases;
using Infra.Components.Fleets;
using Pulumi;
using ConsulCatalog = Pulumi.Consul;
using CloudWatch = Pulumi.Aws.CloudWatch;
using Ec2 = Pulumi.Aws.Ec2;
using Kms = Pulumi.Aws.Kms;
using Rds = Pulumi.Aws.Rds;
using SecretsManager = Pulumi.Aws.SecretsManager;
using VaultDatabase = Pulumi.Vault.Database;

namespace Infra.Components.Databases;

/// <summary>
/// One Aurora PostgreSQL global database, mapped one for one from its <see cref="DatabaseBlueprint"/>:
/// the global cluster and, per region (each through its own AWS provider), a KMS key with its key
/// policy, subnet group, cluster parameter group, log group, security group with the ingress from
/// the fleets, Vault and the bootstrap host, the cluster and its instances; the master password,
/// generated once, in a secret replicated to the other region; the writer endpoint in Consul as an
/// external service; the Vault connection and the database's Vault roles. Children are named from the component and a region, never a role. The
/// fields an Aurora switchover or failover changes, and those set only when a cluster is created
/// (which differ between the writer and the replica region), are ignored after creation, so that
/// recording a switch in the config (<c>infra:regions.primary</c>) gives a plan without changes to
/// the clusters. Outputs: <see cref="WriterEndpoint"/>, <see cref="ReaderEndpoint"/>,
/// <see cref="GlobalClusterArn"/>, <see cref="ClusterArns"/> and <see cref="MasterUserSecretArn"/> (secret): the break-glass copy.
/// </summary>
public sealed class ReplicatedDatabase : ComponentResource
{
    public const string TypeToken = "infra:database:ReplicatedDatabase";

    /// <summary>
    /// Set by AWS (membership, replication source, the engine version the global cluster upgrades)
    /// or only at creation (the master user exists on the first writer only; a replica cluster takes
    /// none; the password is generated once and Vault rotates it; the final snapshot is named for the
    /// creation time): see terraform-provider-aws #42919,
    /// cloudposse/terraform-aws-rds-cluster #281.
    /// </summary>
    public static readonly IReadOnlyList<string> ClusterIgnoredChanges =
    [
        "globalClusterIdentifier",
        "replicationSourceIdentifier",
        "engineVersion",
        "masterUsername",
        "masterPassword",
        "finalSnapshotIdentifier",
    ];

    /// <summary>
    /// Set at creation only. The password lookup answers anew at every run, and the bootstrap moves the
    /// connection to vault_admin, whose password Vault rotates; an update of the block would send the
    /// master user and the first run's password again and break the connection. So after a switch the runbook points Vault at the new writer
    /// (<see cref="VaultConnectionBlueprint.RepointCommand"/>), not the apply.
    /// </summary>
    public static readonly IReadOnlyList<string> ConnectionIgnoredChanges = ["postgresql"];

    public ReplicatedDatabase(string name, ReplicatedDatabaseArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var blueprint = RequiredArgs.Require(args.Blueprint, nameof(ReplicatedDatabaseArgs.Blueprint), "the database maps its blueprint");
        _ = RequiredArgs.Require(args.Vault, nameof(ReplicatedDatabaseArgs.Vault), "the environment's Vault blueprint, which holds the database's roles");
        _ = RequiredArgs.Require(args.AwsProviders, nameof(ReplicatedDatabaseArgs.AwsProviders), "one Pulumi.Aws.Provider per region of the blueprint");
        var consul = RequiredArgs.Require(args.ConsulProviders, nameof(ReplicatedDatabaseArgs.ConsulProviders), "the Pulumi.Consul.Provider of each datacenter the writer endpoint is registered in, by datacenter");
        if (blueprint.Consul.Catalogs.FirstOrDefault(c => !consul.ContainsKey(c.Datacenter)) is { } missing)
        {
            throw RequiredArgs.Invalid($"[{nameof(ReplicatedDatabaseArgs.ConsulProviders)}] has no provider for Consul datacenter {missing.Datacenter}, where the writer endpoint of {blueprint.Name} is registered");
        }
        _ = RequiredArgs.Require(args.VaultProvider, nameof(ReplicatedDatabaseArgs.VaultProvider), "the Pulumi.Vault.Provider of the database's connection and roles");
        _ = RequiredArgs.Require(args.FleetSecurityGroupIds, nameof(ReplicatedDatabaseArgs.FleetSecurityGroupIds), "the security group of every fleet that uses the database, by region");
        var missingRegions = blueprint.Regions.Select(r => r.Region).Where(r => !args.AwsProviders.ContainsKey(r)).ToList();
        if (missingRegions.Count > 0)
        {
            throw new ArgumentException($"[{nameof(ReplicatedDatabaseArgs.AwsProviders)}] has no provider for: {string.Join(", ", missingRegions)}; the database needs one per region of its blueprint.", nameof(args));
        }
        var missingFleets = blueprint.Regions
            .SelectMany(r => blueprint.UsedBy.Where(s => !(args.FleetSecurityGroupIds.TryGetValue(r.Region, out var groups) && groups.ContainsKey(s))).Select(s => $"{s} in {r.Region}"))
            .ToList();
        if (missingFleets.Count > 0)
        {
            throw new ArgumentException($"[{nameof(ReplicatedDatabaseArgs.FleetSecurityGroupIds)}] has no security group for: {string.Join(", ", missingFleets)}; every service that uses {blueprint.Name} needs its fleet's group in each region.", nameof(args));
        }
        var global = CreateGlobalCluster(name, blueprint, args.AwsProviders[blueprint.GlobalClusterRegion], this);
        var masterPassword = GenerateMasterPassword(blueprint, args.AwsProviders[blueprint.MasterSecret.Region]);

        var clusters = new Dictionary<string, Rds.Cluster>(StringComparer.Ordinal);
        var keys = new Dictionary<string, Kms.Key>(StringComparer.Ordinal);
        var securityGroupIds = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        List<Resource> primaryInstances = [];
        // Primary first: the replica cluster can join only once the global cluster has a writer.
        foreach (var region in blueprint.Regions)
        {
            var prefix = $"{name}-{region.Region}";
            var onAws = new CustomResourceOptions { Parent = this, Provider = args.AwsProviders[region.Region] };
            var key = CreateKey(prefix, blueprint, region, args.AwsProviders[region.Region], this);
            keys[region.Region] = key;
            var (subnets, parameters, securityGroup) = CreateNetwork(prefix, blueprint, region, args.FleetSecurityGroupIds[region.Region], onAws);
            securityGroupIds[region.Region] = securityGroup.Id;
            var logGroup = CreateLogGroup(prefix, blueprint, region, key, onAws);
            var regionalCluster = CreateCluster(
                prefix, blueprint, region, global, key, (subnets, parameters, securityGroup), [.. primaryInstances, logGroup], masterPassword, args.CreatedAt, args.AwsProviders[region.Region], this);
            clusters[region.Region] = regionalCluster;
            CreateInstances(prefix, blueprint, region, regionalCluster, key, subnets, primaryInstances, onAws);
        }

        var writer = clusters[blueprint.Primary.Region];
        var masterSecret = CreateMasterSecret(name, blueprint, keys, masterPassword, args.AwsProviders[blueprint.MasterSecret.Region], this);
        RegisterInConsul(name, blueprint, global, consul, this);
        CreateVaultAccess(name, blueprint, args, writer, masterPassword, this);

        WriterEndpoint = writer.Endpoint;
        ReaderEndpoint = writer.ReaderEndpoint;
        GlobalClusterArn = global.Arn;
        var (primary, secondary) = (blueprint.Primary.Region, blueprint.Secondary.Region);
        ClusterArns = ByRegion(primary, clusters[primary].Arn, secondary, clusters[secondary].Arn);
        SecurityGroupIds = ByRegion(primary, securityGroupIds[primary], secondary, securityGroupIds[secondary]);
        // The secret's ARN is not the password, but it names where the master credential lives: kept secret all the same.
        MasterUserSecretArn = Output.CreateSecret(masterSecret.Arn);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["writerEndpoint"] = WriterEndpoint,
            ["readerEndpoint"] = ReaderEndpoint,
            ["globalClusterArn"] = GlobalClusterArn,
            ["clusterArns"] = ClusterArns,
            ["masterUserSecretArn"] = MasterUserSecretArn,
            ["securityGroupIds"] = SecurityGroupIds,
        });
    }

    /// <summary>The global cluster, through the provider of <see cref="DatabaseBlueprint.GlobalClusterRegion"/>.</summary>
    private static Rds.GlobalCluster CreateGlobalCluster(string name, DatabaseBlueprint blueprint, Pulumi.Aws.Provider aws, Resource parent)
    {
        var cluster = blueprint.Cluster;
        var tags = blueprint.Tags;
        var global = new Rds.GlobalCluster($"{name}-global", new Rds.GlobalClusterArgs
        {
            GlobalClusterIdentifier = blueprint.GlobalClusterIdentifier,
            Engine = DatabaseBlueprints.Engine,
            EngineVersion = blueprint.EngineVersion,
            DatabaseName = blueprint.DatabaseName,
            StorageEncrypted = cluster.StorageEncrypted,
            DeletionProtection = cluster.DeletionProtection,
            Tags = ResourceTags.Map(tags),
        }, new CustomResourceOptions { Parent = parent, Provider = aws, Protect = cluster.Protect });
        return global;
    }

    /// <summary>The region's KMS key: storage, the master secret and Performance Insights.</summary>
    private static Kms.Key CreateKey(string prefix, DatabaseBlueprint blueprint, DatabaseRegionBlueprint region, Pulumi.Aws.Provider aws, Resource parent)
    {
        var cluster = blueprint.Cluster;
        var tags = blueprint.Tags;
        var key = new Kms.Key($"{prefix}-key", new Kms.KeyArgs
        {
            Description = region.KmsKeyDescription,
            Policy = region.KmsKeyPolicy,
            EnableKeyRotation = cluster.KmsKeyRotation,
            DeletionWindowInDays = cluster.KmsDeletionWindowDays,
            Tags = ResourceTags.Map(tags),
        }, new CustomResourceOptions { Parent = parent, Provider = aws, Protect = cluster.Protect });
        return key;
    }

    /// <summary>The region's subnet group, cluster parameter group, and security group with the ingress from the region's fleets (<paramref name="fleetSecurityGroupIds"/>, by service).</summary>
    private static (Rds.SubnetGroup Subnets, Rds.ClusterParameterGroup Parameters, Ec2.SecurityGroup SecurityGroup) CreateNetwork(
        string prefix, DatabaseBlueprint blueprint, DatabaseRegionBlueprint region, IReadOnlyDictionary<string, Input<string>> fleetSecurityGroupIds, CustomResourceOptions onAws)
    {
        var cluster = blueprint.Cluster;
        var tags = blueprint.Tags;
        var subnets = new Rds.SubnetGroup($"{prefix}-subnets", new Rds.SubnetGroupArgs
        {
            Name = region.SubnetGroupName,
            Description = $"{blueprint.Name} in {region.Region}",
            SubnetIds = region.SubnetIds.ToList(),
            Tags = ResourceTags.Map(tags),
        }, onAws);
        var parameters = new Rds.ClusterParameterGroup($"{prefix}-params", new Rds.ClusterParameterGroupArgs
        {
            Name = region.ParameterGroupName,
            Family = cluster.ParameterGroupFamily,
            Description = $"{blueprint.Name}: TLS only, connection and audit logs",
            Parameters = region.Parameters
                .Select(p => new Rds.Inputs.ClusterParameterGroupParameterArgs { Name = p.Name, Value = p.Value, ApplyMethod = p.ApplyMethod })
                .ToList(),
            Tags = ResourceTags.Map(tags),
        }, onAws);
        var securityGroup = new Ec2.SecurityGroup($"{prefix}-sg", new Ec2.SecurityGroupArgs
        {
            VpcId = region.SecurityGroup.VpcId,
            Description = region.SecurityGroup.Description,
            RevokeRulesOnDelete = region.SecurityGroup.RevokeRulesOnDelete,
            Tags = ResourceTags.Map(tags),
        }, onAws);
        foreach (var rule in region.SecurityGroup.Rules)
        {
            Input<string>? peer = rule.Peer.Kind == RulePeerKind.Fleet ? fleetSecurityGroupIds[rule.Peer.Value] : null;
            _ = SecurityRuleResources.Create($"{prefix}-{rule.Key}", rule, securityGroup.Id, peer, tags, onAws);
        }
        return (subnets, parameters, securityGroup);
    }

    /// <summary>The region's cluster: the writer's with the master user, the replica's joining the global cluster after the writer's instances (in <paramref name="dependsOn"/>).</summary>
    private static Rds.Cluster CreateCluster(
        string prefix,
        DatabaseBlueprint blueprint,
        DatabaseRegionBlueprint region,
        Rds.GlobalCluster global,
        Kms.Key key,
        (Rds.SubnetGroup Subnets, Rds.ClusterParameterGroup Parameters, Ec2.SecurityGroup SecurityGroup) network,
        Resource[] dependsOn,
        Output<string> masterPassword,
        DateTimeOffset createdAt,
        Pulumi.Aws.Provider aws,
        Resource parent)
    {
        var cluster = blueprint.Cluster;
        var tags = blueprint.Tags;
        var clusterArgs = new Rds.ClusterArgs
        {
            ClusterIdentifier = region.ClusterIdentifier,
            Engine = Rds.EngineType.AuroraPostgresql,
            EngineVersion = blueprint.EngineVersion,
            GlobalClusterIdentifier = global.Id,
            DbSubnetGroupName = network.Subnets.Name,
            DbClusterParameterGroupName = network.Parameters.Name,
            VpcSecurityGroupIds = { network.SecurityGroup.Id },
            Port = blueprint.Port,
            StorageEncrypted = cluster.StorageEncrypted,
            KmsKeyId = key.Arn,
            BackupRetentionPeriod = cluster.BackupRetentionDays,
            PreferredBackupWindow = cluster.BackupWindow,
            PreferredMaintenanceWindow = cluster.MaintenanceWindow,
            IamDatabaseAuthenticationEnabled = cluster.IamAuthentication,
            DeletionProtection = cluster.DeletionProtection,
            CopyTagsToSnapshot = cluster.CopyTagsToSnapshot,
            EnabledCloudwatchLogsExports = cluster.LogExports.ToList(),
            SkipFinalSnapshot = cluster.SkipFinalSnapshot,
            DeleteAutomatedBackups = cluster.DeleteAutomatedBackups,
            FinalSnapshotIdentifier = region.FinalSnapshotIdentifier(createdAt),
            ApplyImmediately = cluster.ApplyImmediately,
            AllowMajorVersionUpgrade = cluster.AllowMajorVersionUpgrade,
            Tags = ResourceTags.Map(tags),
        };
        if (region.IsPrimary)
        {
            // Generated once, a secret in state; Vault rotates it at the bootstrap.
            clusterArgs.MasterUsername = blueprint.MasterUsername;
            clusterArgs.MasterPassword = masterPassword;
        }
        var clusterOptions = new CustomResourceOptions
        {
            Parent = parent,
            Provider = aws,
            Protect = cluster.Protect,
            IgnoreChanges = [.. ClusterIgnoredChanges],
            // The log group, so RDS does not create it unmanaged; the replica also waits for the writer's instances.
            DependsOn = dependsOn,
        };
        var regionalCluster = new Rds.Cluster($"{prefix}-cluster", clusterArgs, clusterOptions);
        return regionalCluster;
    }

    /// <summary>The region's instances; the primary's are added to <paramref name="primaryInstances"/>, which the replica cluster waits for.</summary>
    private static void CreateInstances(
        string prefix, DatabaseBlueprint blueprint, DatabaseRegionBlueprint region, Rds.Cluster regionalCluster, Kms.Key key, Rds.SubnetGroup subnets, List<Resource> primaryInstances, CustomResourceOptions onAws)
    {
        var cluster = blueprint.Cluster;
        var tags = blueprint.Tags;
        for (var i = 0; i < region.Instances.Count; i++)
        {
            var instance = region.Instances[i];
            var created = new Rds.ClusterInstance($"{prefix}-{i + 1}", new Rds.ClusterInstanceArgs
            {
                Identifier = instance.Identifier,
                ClusterIdentifier = regionalCluster.Id,
                Engine = Rds.EngineType.AuroraPostgresql,
                InstanceClass = instance.InstanceClass,
                AvailabilityZone = instance.Zone,
                DbSubnetGroupName = subnets.Name,
                PromotionTier = instance.PromotionTier,
                AutoMinorVersionUpgrade = cluster.AutoMinorVersionUpgrade,
                PubliclyAccessible = cluster.PubliclyAccessible,
                PerformanceInsightsEnabled = cluster.PerformanceInsightsEnabled,
                PerformanceInsightsKmsKeyId = key.Arn,
                PerformanceInsightsRetentionPeriod = cluster.PerformanceInsightsRetentionDays,
                CopyTagsToSnapshot = cluster.CopyTagsToSnapshot,
                ApplyImmediately = cluster.ApplyImmediately,
                Tags = ResourceTags.Map(tags),
            }, onAws);
            if (region.IsPrimary)
            {
                primaryInstances.Add(created);
            }
        }
    }

    /// <summary>
    /// The master password, from Secrets Manager's generator in the secret's region. The lookup answers
    /// anew at every run; the cluster, the secret and the Vault connection keep the first answer
    /// (they ignore later changes of it).
    /// </summary>
    private static Output<string> GenerateMasterPassword(DatabaseBlueprint blueprint, Pulumi.Aws.Provider aws)
    {
        var secret = blueprint.MasterSecret;
        var generated = SecretsManager.GetRandomPassword.Invoke(new SecretsManager.GetRandomPasswordInvokeArgs
        {
            PasswordLength = secret.PasswordLength,
            ExcludeCharacters = secret.ExcludedCharacters,
            RequireEachIncludedType = true,
        }, new InvokeOptions { Provider = aws });
        return Output.CreateSecret(generated.Apply(result => result.RandomPassword ?? ""));
    }

    /// <summary>The break-glass copy of the master password: home in the global cluster's region, a replica in the other, each under that region's key.</summary>
    private static SecretsManager.Secret CreateMasterSecret(
        string name, DatabaseBlueprint blueprint, Dictionary<string, Kms.Key> keys, Output<string> masterPassword, Pulumi.Aws.Provider aws, Resource parent)
    {
        var blueprintSecret = blueprint.MasterSecret;
        var secret = new SecretsManager.Secret($"{name}-master-secret", new SecretsManager.SecretArgs
        {
            Name = blueprintSecret.SecretName,
            Description = $"{blueprint.Name} ({blueprint.Stack}): master user, break-glass copy (docs/dr.md)",
            KmsKeyId = keys[blueprintSecret.Region].Arn,
            RecoveryWindowInDays = blueprintSecret.RecoveryWindowDays,
            Replicas =
            {
                new SecretsManager.Inputs.SecretReplicaArgs { Region = blueprintSecret.ReplicaRegion, KmsKeyId = keys[blueprintSecret.ReplicaRegion].Arn },
            },
            Tags = ResourceTags.Map(blueprint.Tags),
        }, new CustomResourceOptions { Parent = parent, Provider = aws, Protect = blueprint.Cluster.Protect });
        _ = new SecretsManager.SecretVersion($"{name}-master-secret-value", new SecretsManager.SecretVersionArgs
        {
            SecretId = secret.Id,
            SecretString = Output.CreateSecret(masterPassword.Apply(password => System.Text.Json.JsonSerializer.Serialize(
                new Dictionary<string, string> { ["username"] = blueprint.MasterUsername, ["password"] = password }))),
        }, new CustomResourceOptions { Parent = parent, Provider = aws, IgnoreChanges = ["secretString"] });
        return secret;
    }

    /// <summary>The log group RDS exports the PostgreSQL log (with pgaudit's) to: a year or more, under the region's key.</summary>
    private static CloudWatch.LogGroup CreateLogGroup(string prefix, DatabaseBlueprint blueprint, DatabaseRegionBlueprint region, Kms.Key key, CustomResourceOptions onAws) =>
        new($"{prefix}-logs", new CloudWatch.LogGroupArgs
        {
            Name = region.LogGroupName,
            RetentionInDays = blueprint.Cluster.LogRetentionDays,
            KmsKeyId = key.Arn,
            Tags = ResourceTags.Map(blueprint.Tags),
        }, onAws);

    /// <summary>
    /// The global writer endpoint as a Consul external service, on a node without an agent, in each datacenter of the
    /// blueprint through that datacenter's provider: Aurora points it at the writer after a switchover or failover, so the
    /// name follows without an apply, and a region whose datacenter is the only one left still resolves it.
    /// </summary>
    private static void RegisterInConsul(string name, DatabaseBlueprint blueprint, Rds.GlobalCluster global, IReadOnlyDictionary<string, Pulumi.Consul.Provider> consul, Resource parent)
    {
        foreach (var catalog in blueprint.Consul.Catalogs)
        {
            var onConsul = new CustomResourceOptions { Parent = parent, Provider = consul[catalog.Datacenter] };
            var node = new ConsulCatalog.Node($"{name}-consul-node{catalog.ResourceSuffix}", new ConsulCatalog.NodeArgs
            {
                Name = blueprint.Consul.NodeName,
                Address = global.Endpoint,
                // No agent runs on this node: Consul's external services convention.
                Meta = { { "external-node", "true" }, { "external-probe", "false" } },
            }, onConsul);
            _ = new ConsulCatalog.Service($"{name}-consul-service{catalog.ResourceSuffix}", new ConsulCatalog.ServiceArgs
            {
                Name = blueprint.Consul.ServiceName,
                Node = node.Name,
                Address = global.Endpoint,
                Port = blueprint.Consul.Port,
                Tags = blueprint.Consul.Tags.ToList(),
            }, onConsul);
        }
    }

    /// <summary>The Vault connection to the writer and the database's dynamic and static roles from the Vault blueprint.</summary>
    private static void CreateVaultAccess(string name, DatabaseBlueprint blueprint, ReplicatedDatabaseArgs args, Rds.Cluster writer, Output<string> masterPassword, Resource parent)
    {
        var onVault = new CustomResourceOptions
        {
            Parent = parent,
            Provider = args.VaultProvider,
            // The writer's instances too: Vault checks the connection when it is written.
            DependsOn = [.. args.VaultDependsOn, writer],
            IgnoreChanges = [.. ConnectionIgnoredChanges],
        };
        var vault = blueprint.Vault;
        var connection = new VaultDatabase.SecretBackendConnection($"{name}-vault-connection", new VaultDatabase.SecretBackendConnectionArgs
        {
            Backend = vault.Backend,
            Name = vault.Name,
            PluginName = vault.PluginName,
            AllowedRoles = vault.AllowedRoles.ToList(),
            VerifyConnection = vault.VerifyConnection,
            RootRotationStatements = vault.RootRotationStatements.ToList(),
            // Secret as a whole, since it holds the password: the credential rule and the snapshots see secrets per input.
            Postgresql = Output.Tuple(writer.Endpoint, masterPassword).Apply(values => new VaultDatabase.Inputs.SecretBackendConnectionPostgresqlArgs
            {
                ConnectionUrl = vault.ConnectionUrl(values.Item1),
                Username = vault.Username,
                Password = values.Item2,
                PasswordAuthentication = vault.PasswordAuthentication,
            }),
        }, onVault);
        var onConnection = new CustomResourceOptions { Parent = parent, Provider = args.VaultProvider, DependsOn = { connection } };
        foreach (var role in args.Vault.DatabaseRoles.Where(r => r.Database == blueprint.Name))
        {
            _ = new VaultDatabase.SecretBackendRole($"{name}-vault-role-{role.Service}", new VaultDatabase.SecretBackendRoleArgs
            {
                Backend = vault.Backend,
                Name = role.Name,
                DbName = connection.Name,
                CreationStatements = role.CreationStatements.ToList(),
                RevocationStatements = role.RevocationStatements.ToList(),
                DefaultTtl = role.DefaultTtlSeconds,
                MaxTtl = role.MaxTtlSeconds,
            }, onConnection);
        }
        foreach (var role in args.Vault.StaticRoles.Where(r => r.Database == blueprint.Name))
        {
            _ = new VaultDatabase.SecretBackendStaticRole($"{name}-vault-static-role", new VaultDatabase.SecretBackendStaticRoleArgs
            {
                Backend = vault.Backend,
                Name = role.Name,
                DbName = connection.Name,
                Username = role.Username,
                RotationPeriod = role.RotationPeriodSeconds,
            }, onConnection);
        }
    }

    [Output("writerEndpoint")]
    public Output<string> WriterEndpoint { get; private set; }

    [Output("readerEndpoint")]
    public Output<string> ReaderEndpoint { get; private set; }

    [Output("globalClusterArn")]
    public Output<string> GlobalClusterArn { get; private set; }

    /// <summary>The cluster ARN of each region, by region name.</summary>
    [Output("clusterArns")]
    public Output<ImmutableDictionary<string, string>> ClusterArns { get; private set; }

    /// <summary>The cluster's security group of each region, by region name: the peer of the PostgreSQL egress of that region's fleets.</summary>
    [Output("securityGroupIds")]
    public Output<ImmutableDictionary<string, string>> SecurityGroupIds { get; private set; }

    private static Output<ImmutableDictionary<string, string>> ByRegion(string primary, Output<string> inPrimary, string secondary, Output<string> inSecondary) =>
        Output.Tuple(inPrimary, inSecondary)
            .Apply(values => ImmutableDictionary.CreateRange(StringComparer.Ordinal, new[] { KeyValuePair.Create(primary, values.Item1), KeyValuePair.Create(secondary, values.Item2) }));

    [Output("masterUserSecretArn")]
    public Output<string> MasterUserSecretArn { get; private set; }
}
