using Infra.Blueprints.Aws;
using Infra.Blueprints.Databases;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Tests.Fleets;
using Infra.Blueprints.Tests.Support;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.Tests.Databases;

public sealed class DatabaseBlueprintsTests
{
    private static readonly StackDefinition Staging = RepositoryDefinitions.Load("staging");
    private static readonly StackDefinition Production = RepositoryDefinitions.Load("production");

    private static DatabaseBlueprint Ledger(StackDefinition definition) => DatabaseBlueprints.For(definition).Single(d => d.Name == "ledger-db");

    private static StackDefinition WithPrimary(StackDefinition definition, string primary, string secondary) =>
        definition with { Regions = new RegionPair(primary, secondary) };

    [Theory]
    [InlineData("eu-west-3", "eu-west-1")]
    [InlineData("eu-west-1", "eu-west-3")]
    public void Writer_cluster_is_in_the_primary_region_and_the_replica_in_the_secondary(string primary, string secondary)
    {
        var database = Ledger(WithPrimary(Staging, primary, secondary));

        Assert.Equal([primary, secondary], database.Regions.Select(r => r.Region));
        Assert.Equal(primary, database.Primary.Region);
        Assert.Equal(secondary, database.Secondary.Region);
        Assert.Equal($"ledger-db-staging-{primary}", database.Primary.ClusterIdentifier);
        Assert.Equal($"ledger-db-staging-{secondary}", database.Secondary.ClusterIdentifier);
        Assert.Equal("ledger-db-staging", database.GlobalClusterIdentifier);
        Assert.Equal("eu-west-1", database.GlobalClusterRegion);
        Assert.Equal(Staging.Networks.Single(n => n.Region == primary).Subnets.Select(s => s.SubnetId), database.Primary.SubnetIds);
        Assert.Equal(Staging.Networks.Single(n => n.Region == secondary).VpcId, database.Secondary.SecurityGroup.VpcId);
    }

    [Theory]
    [InlineData("eu-west-3", "eu-west-1")]
    [InlineData("eu-west-1", "eu-west-3")]
    public void Ingress_on_5432_comes_only_from_the_fleets_that_use_the_database_in_both_regions_whichever_is_primary(string primary, string secondary)
    {
        var database = Ledger(WithPrimary(Staging, primary, secondary));

        // Each region's group admits that region's fleets (the standby's in the secondary) by security group.
        Assert.All(database.Regions, region =>
        {
            var rules = region.SecurityGroup.Rules.Where(r => r.Peer.Kind != RulePeerKind.Cidr).ToList();
            Assert.Equal(["ledger", "regulatory-reporting"], rules.Select(r => r.Peer.Value));
            Assert.All(rules, r =>
            {
                Assert.Equal(RuleDirection.Ingress, r.Direction);
                Assert.Equal(RulePeerKind.Fleet, r.Peer.Kind);
                Assert.Equal(5432, r.Port);
                Assert.Equal("tcp", r.Protocol);
            });
        });
        Assert.Equal(database.Primary.SecurityGroup.Rules.Select(r => r.Key).Where(k => !k.Contains("fleets-", StringComparison.Ordinal)),
            database.Secondary.SecurityGroup.Rules.Select(r => r.Key).Where(k => !k.Contains("fleets-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Vault_and_the_bootstrap_host_reach_both_regions_on_5432_from_the_networks_of_the_stack_file()
    {
        var database = Ledger(Staging);

        foreach (var region in database.Regions)
        {
            var cidr = region.SecurityGroup.Rules.Where(r => r.Peer.Kind == RulePeerKind.Cidr && !r.Key.StartsWith("in-from-fleets-", StringComparison.Ordinal)).ToList();
            Assert.Equal(["10.40.64.0/24", "10.41.64.0/24", "10.40.80.0/28"], cidr.Select(r => r.Peer.Value));
            Assert.Equal(["in-from-vault-10-40-64-0-24", "in-from-vault-10-41-64-0-24", "in-from-bootstrap-10-40-80-0-28"], cidr.Select(r => r.Key));
            Assert.All(cidr, r => Assert.Equal((RuleDirection.Ingress, "tcp", 5432), (r.Direction, r.Protocol, r.Port)));
        }
    }

    [Theory]
    [InlineData("eu-west-3", "eu-west-1")]
    [InlineData("eu-west-1", "eu-west-3")]
    public void Each_regions_cluster_admits_the_fleet_subnets_of_the_other_region_at_all_times(string primary, string secondary)
    {
        var definition = WithPrimary(Staging, primary, secondary);
        var database = Ledger(definition);

        foreach (var region in database.Regions)
        {
            var other = definition.Networks.Single(n => n.Region != region.Region);
            var fleetSubnets = region.SecurityGroup.Rules.Where(r => r.Key.StartsWith($"in-from-fleets-{other.Region}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(other.Subnets.Select(s => s.Cidr.ToString()), fleetSubnets.Select(r => r.Peer.Value));
            Assert.All(fleetSubnets, r => Assert.Equal((RuleDirection.Ingress, RulePeerKind.Cidr, 5432), (r.Direction, r.Peer.Kind, r.Port)));
        }
    }

    [Theory]
    [InlineData("1s", "20")]
    [InlineData("45s", "45")]
    public void The_writer_waits_for_the_secondary_beyond_the_declared_lag_but_never_less_than_20s(string lag, string seconds)
    {
        var declared = Infra.Blueprints.Loading.Durations.Parse(lag)!.Value;
        var database = Ledger(Staging with { Databases = [.. Staging.Databases.Select(d => d with { MaxReplicationLag = declared })] });

        Assert.Contains(new ClusterParameter("rds.global_db_rpo", seconds, "pending-reboot"), database.Primary.Parameters);
    }

    [Theory]
    [InlineData("eu-west-3", "eu-west-1")]
    [InlineData("eu-west-1", "eu-west-3")]
    public void Only_the_writers_parameter_group_holds_rds_global_db_rpo_so_a_failover_does_not_block_commits(string primary, string secondary)
    {
        var database = Ledger(WithPrimary(Staging, primary, secondary));

        Assert.Contains(database.Primary.Parameters, p => p.Name == "rds.global_db_rpo");
        // After a failover with the old writer's region lost, this group is the writer's: with the parameter, and no secondary, no commit would complete.
        Assert.DoesNotContain(database.Secondary.Parameters, p => p.Name == "rds.global_db_rpo");
        Assert.All(database.Regions, r => Assert.Equal(database.Cluster.Parameters, r.Parameters.Where(p => p.Name != "rds.global_db_rpo")));
    }

    [Fact]
    public void While_the_secondary_region_is_lost_the_writer_holds_no_rds_global_db_rpo()
    {
        var database = Ledger(Staging with { Regions = new RegionPair("eu-west-1", "eu-west-3", SecondaryLost: true) });

        Assert.All(database.Regions, r => Assert.DoesNotContain(r.Parameters, p => p.Name == "rds.global_db_rpo"));
    }

    [Fact]
    public void Each_key_policy_lets_the_account_root_administer_rds_backup_and_secrets_manager_use_it_only_through_their_service_and_the_backup_account_copy()
    {
        var region = Ledger(Staging).Primary;

        using var policy = System.Text.Json.JsonDocument.Parse(region.KmsKeyPolicy);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        var admin = statements.Single(s => s.GetProperty("Sid").GetString() == "AccountAdministers");
        Assert.Equal("arn:aws:iam::111122223333:root", admin.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal("kms:*", admin.GetProperty("Action").GetString());
        var wildcard = statements.Where(s => s.GetProperty("Principal").TryGetProperty("AWS", out var aws) && aws.GetString() == "*").ToList();
        Assert.Equal(6, wildcard.Count);
        Assert.All(wildcard, s =>
        {
            var condition = s.GetProperty("Condition").GetProperty("StringEquals");
            Assert.Equal("111122223333", condition.GetProperty("kms:CallerAccount").GetString());
            Assert.Matches(@"^(rds|backup|secretsmanager)\.eu-west-3\.amazonaws\.com$", condition.GetProperty("kms:ViaService").GetString());
            Assert.DoesNotContain("kms:*", s.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        });
        Assert.All(wildcard.Where(s => s.GetProperty("Action").EnumerateArray().Any(a => a.GetString() == "kms:CreateGrant")),
            s => Assert.Equal("true", s.GetProperty("Condition").GetProperty("Bool").GetProperty("kms:GrantIsForAWSResource").GetString()));
        var logs = statements.Single(s => s.GetProperty("Sid").GetString() == "LogsOfTheDatabase");
        Assert.Equal("logs.eu-west-3.amazonaws.com", logs.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("arn:aws:logs:eu-west-3:111122223333:log-group:/aws/rds/cluster/ledger-db-staging-eu-west-3/*",
            logs.GetProperty("Condition").GetProperty("ArnLike").GetProperty("kms:EncryptionContext:aws:logs:arn").GetString());
        var copies = statements.Single(s => s.GetProperty("Sid").GetString() == "CrossAccountCopies");
        Assert.Equal("arn:aws:iam::555566667777:root", copies.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal(["kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant"], copies.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["backup.eu-west-3.amazonaws.com", "rds.eu-west-3.amazonaws.com"],
            copies.GetProperty("Condition").GetProperty("StringEquals").GetProperty("kms:ViaService").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(statements.Count, wildcard.Count + 3);
    }

    [Fact]
    public void Writer_and_readers_are_spread_over_the_zones()
    {
        var production = Ledger(Production);

        Assert.Equal(["eu-west-3a", "eu-west-3b", "eu-west-3c"], production.Primary.Instances.Select(i => i.Zone));
        Assert.Equal(["ledger-db-production-eu-west-3-1", "ledger-db-production-eu-west-3-2", "ledger-db-production-eu-west-3-3"], production.Primary.Instances.Select(i => i.Identifier));
        Assert.Equal([0, 1, 1], production.Primary.Instances.Select(i => i.PromotionTier));
        Assert.All(production.Regions.SelectMany(r => r.Instances), i => Assert.Equal("db.r7g.2xlarge", i.InstanceClass));
        Assert.Equal(3, production.Secondary.Instances.Count);
    }

    [Fact]
    public void Switched_config_gives_the_blueprint_of_a_stack_that_had_the_other_region_primary_from_the_start()
    {
        using var repository = new RepositoryCopy()
            .Edit(Files.Staging, "primary: eu-west-3 ", "primary: eu-west-1 ")
            .Edit(Files.Staging, "secondary: eu-west-1 ", "secondary: eu-west-3 ");
        var switched = repository.Loader.LoadFromFiles("staging");
        Assert.False(switched.HasErrors, switched.FormatErrors());

        Assert.Equal(DatabaseBlueprints.For(WithPrimary(Staging, "eu-west-1", "eu-west-3")), DatabaseBlueprints.For(switched.Definition!));
    }

    [Fact]
    public void A_switch_renames_nothing_and_changes_no_cluster_setting()
    {
        var before = DatabaseBlueprints.For(Staging);
        var after = DatabaseBlueprints.For(WithPrimary(Staging, "eu-west-1", "eu-west-3"));

        foreach (var (old, switched) in before.Zip(after))
        {
            Assert.Equal(old.GlobalClusterIdentifier, switched.GlobalClusterIdentifier);
            Assert.Equal(old.GlobalClusterRegion, switched.GlobalClusterRegion);
            Assert.Equal(old.Cluster, switched.Cluster);
            Assert.Equal(old.Tags, switched.Tags);
            foreach (var region in old.Regions)
            {
                var same = switched.Regions.Single(r => r.Region == region.Region);
                // Only the role, the fleets' ingress and the writer's rds.global_db_rpo move with the writer.
                Assert.Equal(region with { IsPrimary = same.IsPrimary, SecurityGroup = same.SecurityGroup, Parameters = same.Parameters }, same);
                Assert.Equal(region.Parameters.Where(p => p.Name != "rds.global_db_rpo"), same.Parameters.Where(p => p.Name != "rds.global_db_rpo"));
                Assert.NotEqual(region.IsPrimary, same.IsPrimary);
            }
        }
    }

    [Theory]
    [InlineData("staging", 7, false, 7, 7)]
    [InlineData("production", 35, true, 30, 93)]
    public void Production_keeps_backups_longer_and_protects_the_database(string stack, int retention, bool protect, int kmsWindow, int insightsDays)
    {
        var cluster = Ledger(RepositoryDefinitions.Load(stack)).Cluster;

        Assert.Equal(retention, cluster.BackupRetentionDays);
        Assert.Equal(protect, cluster.DeletionProtection);
        Assert.Equal(protect, cluster.Protect);
        Assert.Equal(!protect, cluster.ApplyImmediately);
        Assert.Equal(kmsWindow, cluster.KmsDeletionWindowDays);
        Assert.Equal(insightsDays, cluster.PerformanceInsightsRetentionDays);
        Assert.True(cluster.StorageEncrypted);
        Assert.True(cluster.IamAuthentication);
        Assert.Equal(["postgresql"], cluster.LogExports);
        Assert.Contains(new ClusterParameter("rds.force_ssl", "1", "pending-reboot"), cluster.Parameters);
        Assert.False(cluster.AutoMinorVersionUpgrade);
        Assert.False(cluster.AllowMajorVersionUpgrade);
        Assert.False(cluster.DeleteAutomatedBackups);
        Assert.True(cluster.LogRetentionDays >= 365);
    }

    [Fact]
    public void The_logs_hold_no_statement_text_and_pgaudit_logs_schema_and_role_changes_without_parameters()
    {
        var parameters = Ledger(Production).Cluster.Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

        Assert.Equal("-1", parameters["log_min_duration_statement"]);
        Assert.Contains("pgaudit", parameters["shared_preload_libraries"].Split(','));
        Assert.Equal(DatabaseBlueprints.PgAuditClasses, parameters["pgaudit.log"]);
        Assert.Equal(["ddl", "role"], parameters["pgaudit.log"].Split(','));
        Assert.Equal("0", parameters["pgaudit.log_parameter"]);
        Assert.False(parameters.ContainsKey("log_statement"));
    }

    [Fact]
    public void Parameter_group_names_carry_the_family_so_a_major_upgrade_creates_a_new_group_beside_the_old()
    {
        var database = Ledger(Staging);
        var upgraded = Ledger(Staging with { Databases = [.. Staging.Databases.Select(d => d with { EngineVersion = "17.2" })] });

        Assert.Equal("ledger-db-staging-eu-west-3-aurora-postgresql16", database.Primary.ParameterGroupName);
        Assert.Equal("ledger-db-staging-eu-west-3-aurora-postgresql17", upgraded.Primary.ParameterGroupName);
    }

    [Fact]
    public void Final_snapshot_is_named_from_the_cluster_and_its_creation_time_so_a_recreated_clusters_deletion_does_not_collide()
    {
        var database = Ledger(Staging);
        var first = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        var recreated = first.AddMinutes(42);

        Assert.All(database.Regions, r => Assert.Equal(r.ClusterIdentifier + "-final-20261122-090000", r.FinalSnapshotIdentifier(first)));
        Assert.All(database.Regions, r => Assert.NotEqual(r.FinalSnapshotIdentifier(first), r.FinalSnapshotIdentifier(recreated)));
        // RDS: letters, digits and single hyphens, starting with a letter, at most 255 characters.
        Assert.All(database.Regions, r => Assert.Matches("^[a-z](-?[a-z0-9])*$", r.FinalSnapshotIdentifier(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)))));
    }

    [Theory]
    [InlineData("16.4", "aurora-postgresql16")]
    [InlineData("15.10", "aurora-postgresql15")]
    [InlineData("17", "aurora-postgresql17")]
    public void Parameter_group_family_follows_the_major_version(string version, string family) =>
        Assert.Equal(family, DatabaseBlueprints.ParameterGroupFamily(version));

    [Fact]
    public void Vault_connection_allows_the_roles_the_vault_blueprint_derives_from_the_dependencies()
    {
        var vault = VaultBlueprints.For(Staging);
        var connection = Ledger(Staging).Vault;

        // The services' roles, the owner's, and the glob of people's temporary grants (issue 15).
        Assert.Equal(["ledger-db-grant-*", "ledger-db-ledger", "ledger-db-owner", "ledger-db-regulatory-reporting"], connection.AllowedRoles);
        Assert.Equal(
            vault.DatabaseRoles.Where(r => r.Database == "ledger-db").Select(r => r.Name).Concat(vault.StaticRoles.Where(r => r.Database == "ledger-db").Select(r => r.Name))
                .Append(VaultNames.DatabaseGrantRoles("ledger-db")).Order(StringComparer.Ordinal),
            connection.AllowedRoles);
        Assert.Equal("postgresql-database-plugin", connection.PluginName);
        Assert.Equal(vault.DatabaseMount.Path, connection.Backend);
        Assert.Equal("vault write -f database/rotate-root/ledger-db", connection.RotateRootCommand);
        Assert.Equal("postgresql://{{username}}:{{password}}@writer.example:5432/ledger_db?sslmode=verify-full&sslrootcert=/etc/ssl/rds/global-bundle.pem", connection.ConnectionUrl("writer.example"));
        Assert.True(connection.VerifyConnection);
        Assert.Equal(DatabaseBlueprints.MasterUsername, connection.Username);
    }

    [Fact]
    public void Writer_is_found_in_Consul_by_the_database_name_in_the_datacenter_of_each_region()
    {
        var consul = Ledger(Staging).Consul;

        Assert.Equal("ledger-db", consul.ServiceName);
        Assert.Equal(5432, consul.Port);
        Assert.Equal(["ledger-db.service.consul", "ledger-db.service.stg-par.consul", "ledger-db.service.stg-dub.consul"], consul.DnsNames);
        // The stack's datacenter keeps the resource names it had alone; Ireland's carries its name.
        Assert.Equal([new ConsulCatalogEntry("stg-par", ""), new ConsulCatalogEntry("stg-dub", "-stg-dub")], consul.Catalogs);
    }

    [Fact]
    public void Without_a_datacenter_of_its_own_a_region_is_served_by_the_stacks_and_the_writer_is_registered_once()
    {
        var single = Staging with { Networks = Staging.Networks.Select(n => n with { Consul = null }).ToEquatableList() };

        var consul = Ledger(single).Consul;

        Assert.Equal([new ConsulCatalogEntry("stg-par", "")], consul.Catalogs);
        Assert.Equal(["ledger-db.service.consul", "ledger-db.service.stg-par.consul"], consul.DnsNames);
    }

    [Fact]
    public void Master_password_appears_nowhere_in_the_blueprint_only_where_its_break_glass_copy_lives()
    {
        var text = string.Join("\n", DatabaseBlueprints.For(Staging).Select(d => d.ToString()));
        var secret = Ledger(Staging).MasterSecret;

        Assert.DoesNotContain("password\"", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DatabaseBlueprints.MasterUsername, Ledger(Staging).MasterUsername);
        Assert.Equal(("rds/ledger-db-staging/master", "eu-west-1", "eu-west-3"), (secret.SecretName, secret.Region, secret.ReplicaRegion));
        Assert.InRange(secret.PasswordLength, 8, 41);
    }

    [Fact]
    public void The_break_glass_secret_stays_in_the_global_clusters_region_whichever_region_is_primary()
    {
        var switched = Ledger(WithPrimary(Staging, "eu-west-1", "eu-west-3")).MasterSecret;

        Assert.Equal(Ledger(Staging).MasterSecret, switched);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Clusters_keep_a_final_snapshot_no_public_access_and_rotated_keys(string stack)
    {
        foreach (var database in DatabaseBlueprints.For(stack == "staging" ? Staging : Production))
        {
            Assert.False(database.Cluster.SkipFinalSnapshot);
            Assert.False(database.Cluster.PubliclyAccessible);
            Assert.True(database.Cluster.PerformanceInsightsEnabled);
            Assert.True(database.Cluster.KmsKeyRotation);
            Assert.All(database.Regions, r => Assert.True(r.SecurityGroup.RevokeRulesOnDelete));
        }
    }
}
