using System.Collections.Immutable;
using Infra.Components.Databases;
using Infra.Components.Tests.Support;
using Moq;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using static Infra.Components.Tests.InputTree;

namespace Infra.Components.Tests.Databases;

/// <summary>The database maps its blueprint to resources one for one, per region, with protect and ignoreChanges where they belong.</summary>
public sealed class ReplicatedDatabaseTests
{
    private const string Cluster = "aws:rds/cluster:Cluster";
    private const string GlobalCluster = "aws:rds/globalCluster:GlobalCluster";
    private const string Instance = "aws:rds/clusterInstance:ClusterInstance";
    private const string Key = "aws:kms/key:Key";
    private const string Ingress = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    private const string Secret = "aws:secretsmanager/secret:Secret";
    private const string SecretVersion = "aws:secretsmanager/secretVersion:SecretVersion";
    private const string Connection = "vault:database/secretBackendConnection:SecretBackendConnection";

    private static async Task<(RecordingMocks Mocks, DatabaseProgram Program)> Deploy(string stack)
    {
        var mocks = DatabaseProgram.Mocks();
        var program = new DatabaseProgram(stack);
        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = stack }, program.Build);
        return (mocks, program);
    }

    private static async Task<ImmutableArray<Resource>> DependenciesOf(ResourceOptions options) =>
        await OutputUtilities.GetValueAsync(((Input<ImmutableArray<Resource>>)options.DependsOn).Apply(resources => resources));

    [Fact]
    public async Task Creates_a_global_cluster_and_per_region_a_key_subnet_group_parameter_group_security_group_cluster_and_instances()
    {
        var (mocks, program) = await Deploy("staging");
        var blueprint = program.Blueprint;

        Assert.Single(mocks.OfType("aws:rds/globalCluster:GlobalCluster"));
        foreach (var type in new[] { Cluster, "aws:kms/key:Key", "aws:rds/subnetGroup:SubnetGroup", "aws:rds/clusterParameterGroup:ClusterParameterGroup", "aws:ec2/securityGroup:SecurityGroup" })
        {
            Assert.Equal(["ledger-db-eu-west-1", "ledger-db-eu-west-3"], mocks.OfType(type).Select(r => r.Name![..r.Name!.LastIndexOf('-')]).Order(StringComparer.Ordinal));
        }
        Assert.Equal(blueprint.Regions.Sum(r => r.Instances.Count), mocks.OfType("aws:rds/clusterInstance:ClusterInstance").Count);
        Assert.Equal(blueprint.Regions.Sum(r => r.SecurityGroup.Rules.Count), mocks.OfType(Ingress).Count);
        Assert.Equal(2, mocks.OfType(LogGroup).Count);
        Assert.Single(mocks.OfType(Secret));
        Assert.Single(mocks.OfType(SecretVersion));
        // The writer endpoint in the Consul datacenter of each region.
        Assert.Equal(2, mocks.OfType("consul:index/node:Node").Count);
        Assert.Equal(2, mocks.OfType("consul:index/service:Service").Count);
        Assert.Single(mocks.OfType("vault:database/secretBackendConnection:SecretBackendConnection"));
        Assert.Equal(2, mocks.OfType("vault:database/secretBackendRole:SecretBackendRole").Count);
        Assert.Single(mocks.OfType("vault:database/secretBackendStaticRole:SecretBackendStaticRole"));
    }

    [Fact]
    public async Task Each_region_is_created_through_its_own_provider()
    {
        var (mocks, _) = await Deploy("staging");

        foreach (var region in new[] { "eu-west-3", "eu-west-1" })
        {
            var regional = mocks.OfType(Cluster).Concat(mocks.OfType("aws:rds/clusterInstance:ClusterInstance")).Concat(mocks.OfType("aws:kms/key:Key"))
                .Where(r => r.Name!.StartsWith($"ledger-db-{region}-", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(regional);
            Assert.All(regional, r => Assert.Contains($"aws-{region}", r.Provider, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Only_the_primary_cluster_is_created_with_the_generated_master_password_not_one_managed_by_RDS()
    {
        var (mocks, _) = await Deploy("staging");

        var primary = mocks.Resource(Cluster, "ledger-db-eu-west-3-cluster").Inputs;
        var secondary = mocks.Resource(Cluster, "ledger-db-eu-west-1-cluster").Inputs;
        Assert.Equal("dbmaster", primary["masterUsername"]);
        Assert.Equal(DatabaseProgram.GeneratedPassword, primary["masterPassword"]);
        // Secrets Manager cannot manage the master password of a cluster of a global database.
        Assert.False(primary.ContainsKey("manageMasterUserPassword"));
        Assert.False(secondary.ContainsKey("masterUsername"));
        Assert.False(secondary.ContainsKey("masterPassword"));
        // The global cluster's id, which AWS (and the mock engine) make its identifier.
        Assert.Equal("ledger-db-staging", secondary["globalClusterIdentifier"]);
        Assert.True(secondary["storageEncrypted"] is true);
        Assert.Equal("ledger-db-staging-eu-west-1-final-20261122-090000", secondary["finalSnapshotIdentifier"]);
        Assert.True(secondary["skipFinalSnapshot"] is false);
    }

    [Theory]
    [InlineData("staging", false)]
    [InlineData("production", true)]
    public async Task Clusters_global_cluster_and_keys_are_protected_in_production_only(string stack, bool protect)
    {
        var (_, program) = await Deploy(stack);

        var protectable = program.Children.Where(c => c.Resource is Pulumi.Aws.Rds.Cluster or Pulumi.Aws.Rds.GlobalCluster or Pulumi.Aws.Kms.Key).ToList();
        Assert.Equal(5, protectable.Count);
        Assert.All(protectable, c => Assert.Equal(protect, c.Options.Protect ?? false));
    }

    [Fact]
    public async Task Clusters_ignore_the_fields_a_switchover_changes()
    {
        var (_, program) = await Deploy("staging");

        var clusters = program.Children.Where(c => c.Resource is Pulumi.Aws.Rds.Cluster).ToList();
        Assert.Equal(2, clusters.Count);
        Assert.All(clusters, c =>
        {
            Assert.Contains("globalClusterIdentifier", c.Options.IgnoreChanges);
            Assert.Contains("replicationSourceIdentifier", c.Options.IgnoreChanges);
            Assert.Contains("masterUsername", c.Options.IgnoreChanges);
            // Generated once; a new lookup at each run and Vault's rotation must change nothing.
            Assert.Contains("masterPassword", c.Options.IgnoreChanges);
            // Named for the creation time: a later run must not rename the snapshot the deletion will take.
            Assert.Contains("finalSnapshotIdentifier", c.Options.IgnoreChanges);
        });
    }

    [Fact]
    public async Task Children_are_parented_to_the_component()
    {
        var (_, program) = await Deploy("staging");

        Assert.NotEmpty(program.Children);
        Assert.All(program.Children, c => Assert.Same(program.Component, c.Options.Parent));
    }

    [Fact]
    public async Task Outputs_name_the_writer_and_keep_the_master_secret_secret()
    {
        var (_, program) = await Deploy("staging");
        var component = program.Component!;

        Assert.Equal(RecordingMocks.ClusterEndpoint("ledger-db-eu-west-3-cluster"), await OutputUtilities.GetValueAsync(component.WriterEndpoint));
        Assert.False(await Output.IsSecretAsync(component.WriterEndpoint));
        Assert.True(await Output.IsSecretAsync(component.MasterUserSecretArn));
        var arns = await OutputUtilities.GetValueAsync(component.ClusterArns);
        Assert.Equal(["eu-west-1", "eu-west-3"], arns.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Consul_and_Vault_point_at_the_writer_with_the_roles_of_the_vault_blueprint()
    {
        var (mocks, program) = await Deploy("staging");
        var writer = RecordingMocks.ClusterEndpoint("ledger-db-eu-west-3-cluster");

        var service = mocks.Resource("consul:index/service:Service", "ledger-db-consul-service").Inputs;
        Assert.Equal("ledger-db", service["name"]);
        // The global writer endpoint: Aurora points it at the writer after a switch, so the name follows without an apply.
        Assert.Equal(RecordingMocks.GlobalWriterEndpoint("ledger-db-global"), service["address"]);
        Assert.Equal(RecordingMocks.GlobalWriterEndpoint("ledger-db-global"), mocks.Resource("consul:index/node:Node", "ledger-db-consul-node").Inputs["address"]);
        var connection = Assert.Single(mocks.OfType("vault:database/secretBackendConnection:SecretBackendConnection")).Inputs;
        Assert.Equal("postgresql-database-plugin", connection["pluginName"]);
        Assert.Equal(program.Blueprint.Vault.AllowedRoles, ((ImmutableArray<object>)connection["allowedRoles"]).Cast<string>());
        var postgresql = InputTree.Map(connection, "postgresql");
        Assert.Equal(program.Blueprint.Vault.ConnectionUrl(writer), postgresql["connectionUrl"]);
        Assert.Contains("sslmode=verify-full&sslrootcert=/etc/ssl/rds/global-bundle.pem", (string)postgresql["connectionUrl"], StringComparison.Ordinal);
        Assert.Equal("dbmaster", postgresql["username"]);
        Assert.Equal(DatabaseProgram.GeneratedPassword, postgresql["password"]);
        Assert.True(connection["verifyConnection"] is true);
    }

    [Fact]
    public async Task The_vault_connection_never_sends_the_password_again_after_vault_rotated_it()
    {
        var (_, program) = await Deploy("staging");

        var connection = Assert.Single(program.Children, c => c.Resource is Pulumi.Vault.Database.SecretBackendConnection);
        // Vault rotates the password and the runbook moves the URL: an update would send the first password again.
        Assert.Equal(["postgresql"], connection.Options.IgnoreChanges);
        Assert.Contains(await DependenciesOf(connection.Options), r => r is Pulumi.Aws.Rds.Cluster);
    }

    [Fact]
    public async Task The_break_glass_copy_of_the_master_password_lives_in_the_global_clusters_region_with_a_replica_in_the_other()
    {
        var (mocks, program) = await Deploy("staging");
        var master = program.Blueprint.MasterSecret;

        var secret = Assert.Single(mocks.OfType(Secret));
        Assert.Equal("rds/ledger-db-staging/master", secret.Inputs["name"]);
        Assert.Equal(RecordingMocks.IdOf($"aws-{master.Region}"), RecordingMocks.ProviderId(secret.Provider));
        Assert.Equal(RecordingMocks.ArnOf($"ledger-db-{master.Region}-key"), secret.Inputs["kmsKeyId"]);
        var replica = Map(Assert.Single(List(secret.Inputs["replicas"])));
        Assert.Equal(master.ReplicaRegion, replica["region"]);
        Assert.Equal(RecordingMocks.ArnOf($"ledger-db-{master.ReplicaRegion}-key"), replica["kmsKeyId"]);
        var value = Assert.Single(mocks.OfType(SecretVersion)).Inputs;
        Assert.Equal($"{{\"username\":\"dbmaster\",\"password\":\"{DatabaseProgram.GeneratedPassword}\"}}", value["secretString"]);
        var version = Assert.Single(program.Children, c => c.Resource is Pulumi.Aws.SecretsManager.SecretVersion);
        Assert.Equal(["secretString"], version.Options.IgnoreChanges);
    }

    [Fact]
    public async Task The_password_is_generated_without_the_characters_rds_refuses()
    {
        var (mocks, _) = await Deploy("staging");

        var call = Assert.Single(mocks.Calls, c => c.Token == "aws:secretsmanager/getRandomPassword:getRandomPassword");
        var excluded = (string)call.Args["excludeCharacters"];
        Assert.All("/\"@' ", c => Assert.Contains(c, excluded));
        Assert.Equal(40.0, call.Args["passwordLength"]);
    }

    [Fact]
    public async Task Every_regional_aws_resource_goes_through_its_regions_provider()
    {
        var (mocks, program) = await Deploy("staging");

        var regional = mocks.Declared.Where(r => r.Type!.StartsWith("aws:", StringComparison.Ordinal) && r.Type is not GlobalCluster and not Secret and not SecretVersion).ToList();
        Assert.Equal(
            new[] { Cluster, Instance, Key, LogGroup, "aws:ec2/securityGroup:SecurityGroup", "aws:rds/clusterParameterGroup:ClusterParameterGroup", "aws:rds/subnetGroup:SubnetGroup", Ingress }.Order(StringComparer.Ordinal),
            regional.Select(r => r.Type!).Distinct().Order(StringComparer.Ordinal));
        foreach (var region in program.Blueprint.Regions.Select(r => r.Region))
        {
            var inRegion = regional.Where(r => r.Name!.StartsWith($"ledger-db-{region}-", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(inRegion);
            Assert.All(inRegion, r => Assert.Equal(RecordingMocks.IdOf($"aws-{region}"), RecordingMocks.ProviderId(r.Provider)));
        }
        Assert.All(regional, r => Assert.Contains(program.Blueprint.Regions, region => r.Name!.StartsWith($"ledger-db-{region.Region}-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_global_cluster_goes_through_the_provider_of_its_own_region_not_the_primarys()
    {
        var (mocks, program) = await Deploy("staging");
        var blueprint = program.Blueprint;

        Assert.NotEqual(blueprint.Primary.Region, blueprint.GlobalClusterRegion);
        var global = Assert.Single(mocks.OfType(GlobalCluster));
        Assert.Equal(RecordingMocks.IdOf($"aws-{blueprint.GlobalClusterRegion}"), RecordingMocks.ProviderId(global.Provider));
    }

    [Fact]
    public async Task Consul_and_vault_resources_go_through_their_explicit_providers()
    {
        var (mocks, _) = await Deploy("staging");

        var consul = mocks.Declared.Where(r => r.Type!.StartsWith("consul:", StringComparison.Ordinal)).ToList();
        var vault = mocks.Declared.Where(r => r.Type!.StartsWith("vault:", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, consul.Count);
        Assert.Equal(4, vault.Count);
        Assert.All(consul, r => Assert.Equal(RecordingMocks.IdOf(r.Name!.EndsWith("-stg-dub", StringComparison.Ordinal) ? "consul-stg-dub" : "consul-stg-par"), RecordingMocks.ProviderId(r.Provider)));
        Assert.All(vault, r => Assert.Equal(RecordingMocks.IdOf("vault"), RecordingMocks.ProviderId(r.Provider)));
    }

    [Fact]
    public async Task The_writer_endpoint_is_registered_in_irelands_datacenter_through_its_provider_so_the_name_resolves_with_paris_lost()
    {
        var (mocks, _) = await Deploy("staging");

        var node = mocks.Resource("consul:index/node:Node", "ledger-db-consul-node-stg-dub");
        var service = mocks.Resource("consul:index/service:Service", "ledger-db-consul-service-stg-dub");

        Assert.All([node, service], r => Assert.Equal(RecordingMocks.IdOf("consul-stg-dub"), RecordingMocks.ProviderId(r.Provider)));
        Assert.Equal(("ledger-db", "ledger-db-aurora", RecordingMocks.GlobalWriterEndpoint("ledger-db-global")), (service.Inputs["name"], service.Inputs["node"], service.Inputs["address"]));
        Assert.Equal(("ledger-db-aurora", "true"), (node.Inputs["name"], InputTree.Map(node.Inputs, "meta")["external-node"]));
    }

    [Fact]
    public async Task A_datacenter_of_the_blueprint_without_its_consul_provider_is_refused_naming_it()
    {
        var program = new DatabaseProgram("staging");

        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
        {
            var args = program.NewArgs();
            _ = new ReplicatedDatabase(program.Blueprint.Name, new ReplicatedDatabaseArgs
            {
                Blueprint = args.Blueprint, Vault = args.Vault, AwsProviders = args.AwsProviders, VaultProvider = args.VaultProvider, CreatedAt = args.CreatedAt,
                FleetSecurityGroupIds = args.FleetSecurityGroupIds,
                ConsulProviders = args.ConsulProviders.Where(p => p.Key != "stg-dub").ToDictionary(),
            });
        });

        Assert.Equal("[ConsulProviders] has no provider for Consul datacenter stg-dub, where the writer endpoint of ledger-db is registered", error.Message.Split(" (Parameter")[0]);
    }

    [Fact]
    public async Task Each_cluster_encrypts_its_storage_with_its_own_regions_key()
    {
        var (mocks, program) = await Deploy("staging");

        foreach (var region in program.Blueprint.Regions.Select(r => r.Region))
        {
            var cluster = mocks.Resource(Cluster, $"ledger-db-{region}-cluster").Inputs;
            Assert.True(cluster["storageEncrypted"] is true);
            Assert.Equal(RecordingMocks.ArnOf($"ledger-db-{region}-key"), cluster["kmsKeyId"]);
        }
    }

    [Fact]
    public async Task The_global_cluster_is_encrypted()
    {
        var (mocks, _) = await Deploy("staging");

        Assert.True(Assert.Single(mocks.OfType(GlobalCluster)).Inputs["storageEncrypted"] is true);
    }

    [Fact]
    public async Task Each_key_has_the_key_policy_of_its_region()
    {
        var (mocks, program) = await Deploy("staging");

        foreach (var region in program.Blueprint.Regions)
        {
            Assert.Equal(region.KmsKeyPolicy, mocks.Resource(Key, $"ledger-db-{region.Region}-key").Inputs["policy"]);
        }
    }

    [Fact]
    public async Task Each_cluster_exports_to_a_managed_log_group_kept_a_year_under_its_regions_key()
    {
        var (mocks, program) = await Deploy("staging");

        foreach (var region in program.Blueprint.Regions)
        {
            var logs = mocks.Resource(LogGroup, $"ledger-db-{region.Region}-logs").Inputs;
            Assert.Equal($"/aws/rds/cluster/{region.ClusterIdentifier}/postgresql", logs["name"]);
            Assert.True((double)logs["retentionInDays"] >= 365);
            Assert.Equal(RecordingMocks.ArnOf($"ledger-db-{region.Region}-key"), logs["kmsKeyId"]);
            var cluster = Assert.Single(program.Children, c => c.Resource is Pulumi.Aws.Rds.Cluster && c.Resource.GetResourceName() == $"ledger-db-{region.Region}-cluster");
            Assert.Contains(await DependenciesOf(cluster.Options), r => r is Pulumi.Aws.CloudWatch.LogGroup);
        }
    }

    [Fact]
    public async Task Engine_versions_change_only_through_the_config_never_by_themselves()
    {
        var (mocks, _) = await Deploy("staging");

        Assert.All(mocks.OfType(Instance), i => Assert.True(i.Inputs["autoMinorVersionUpgrade"] is false));
        Assert.All(mocks.OfType(Cluster), c => Assert.True(c.Inputs["allowMajorVersionUpgrade"] is false));
    }

    [Fact]
    public async Task Performance_insights_of_each_instance_are_encrypted_with_its_regions_key()
    {
        var (mocks, program) = await Deploy("staging");

        foreach (var region in program.Blueprint.Regions)
        {
            var instances = mocks.OfType(Instance).Where(r => r.Name!.StartsWith($"ledger-db-{region.Region}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(region.Instances.Count, instances.Count);
            Assert.All(instances, i => Assert.Equal(RecordingMocks.ArnOf($"ledger-db-{region.Region}-key"), i.Inputs["performanceInsightsKmsKeyId"]));
        }
    }

    [Fact]
    public async Task Every_key_rotates()
    {
        var (mocks, _) = await Deploy("staging");

        var keys = mocks.OfType(Key);
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.True(k.Inputs["enableKeyRotation"] is true));
    }

    [Fact]
    public async Task No_instance_is_publicly_accessible()
    {
        var (mocks, program) = await Deploy("staging");

        var instances = mocks.OfType(Instance);
        Assert.Equal(program.Blueprint.Regions.Sum(r => r.Instances.Count), instances.Count);
        Assert.All(instances, i => Assert.True(i.Inputs["publiclyAccessible"] is false));
    }

    [Fact]
    public async Task Clusters_authenticate_with_iam()
    {
        var (mocks, _) = await Deploy("staging");

        var clusters = mocks.OfType(Cluster);
        Assert.Equal(2, clusters.Count);
        Assert.All(clusters, c => Assert.True(c.Inputs["iamDatabaseAuthenticationEnabled"] is true));
    }

    [Fact]
    public async Task Parameter_groups_force_tls_with_the_blueprint_parameters()
    {
        var (mocks, program) = await Deploy("staging");
        Assert.Contains(program.Blueprint.Cluster.Parameters, p => p.Name == "rds.force_ssl" && p.Value == "1");
        var groups = mocks.OfType("aws:rds/clusterParameterGroup:ClusterParameterGroup");
        Assert.Equal(2, groups.Count);
        foreach (var region in program.Blueprint.Regions)
        {
            var group = Assert.Single(groups, g => g.Name == $"ledger-db-{region.Region}-params");
            Assert.Equal(
                region.Parameters.Select(p => (p.Name, p.Value, p.ApplyMethod)),
                List(group.Inputs["parameters"]).Select(Map).Select(p => ((string)p["name"], (string)p["value"], (string)p["applyMethod"])));
        }
    }

    [Theory]
    [InlineData("staging", false)]
    [InlineData("production", true)]
    public async Task Clusters_and_the_global_cluster_have_deletion_protection_in_production_only(string stack, bool protection)
    {
        var (mocks, program) = await Deploy(stack);

        Assert.Equal(protection, program.Blueprint.Cluster.DeletionProtection);
        var guarded = mocks.OfType(Cluster).Concat(mocks.OfType(GlobalCluster)).ToList();
        Assert.Equal(3, guarded.Count);
        Assert.All(guarded, r => Assert.Equal(protection, r.Inputs["deletionProtection"]));
    }

    [Fact]
    public async Task Tagged_resources_carry_exactly_the_blueprint_tags()
    {
        var (mocks, program) = await Deploy("staging");
        var expected = program.Blueprint.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

        foreach (var type in new[]
        {
            GlobalCluster, Cluster, Instance, Key, "aws:rds/subnetGroup:SubnetGroup", "aws:rds/clusterParameterGroup:ClusterParameterGroup",
            "aws:ec2/securityGroup:SecurityGroup", Ingress, LogGroup, Secret,
        })
        {
            Assert.NotEmpty(mocks.OfType(type));
            Assert.All(mocks.OfType(type), r => Assert.Equal(expected, Map(r.Inputs, "tags").ToDictionary(t => t.Key, t => (string)t.Value, StringComparer.Ordinal)));
        }
    }

    [Fact]
    public async Task Only_the_fleets_that_use_the_database_reach_it_each_regions_cluster_its_own_regions_fleets()
    {
        var (mocks, program) = await Deploy("staging");
        var blueprint = program.Blueprint;

        var rules = mocks.OfType(Ingress).Where(r => r.Inputs.ContainsKey("referencedSecurityGroupId")).ToList();
        Assert.Equal(blueprint.Regions.Count * blueprint.UsedBy.Count, rules.Count);
        foreach (var region in blueprint.Regions.Select(r => r.Region))
        {
            var inRegion = rules.Where(r => (string)r.Inputs["securityGroupId"] == $"ledger-db-{region}-sg-id").ToList();
            Assert.Equal(blueprint.UsedBy.Select(s => $"sg-{s}-{region}").Order(StringComparer.Ordinal), inRegion.Select(r => (string)r.Inputs["referencedSecurityGroupId"]).Order(StringComparer.Ordinal));
            Assert.All(inRegion, r =>
            {
                Assert.StartsWith($"ledger-db-{region}-", r.Name, StringComparison.Ordinal);
                Assert.Equal(5432.0, r.Inputs["fromPort"]);
                Assert.Equal(5432.0, r.Inputs["toPort"]);
                Assert.False(r.Inputs.ContainsKey("cidrIpv4"));
            });
        }
    }

    [Fact]
    public async Task Vault_the_bootstrap_host_and_the_other_regions_fleet_subnets_reach_the_clusters_of_both_regions()
    {
        var (mocks, program) = await Deploy("staging");
        var access = program.Definition.DatabaseAccess;

        foreach (var region in program.Blueprint.Regions)
        {
            var otherSubnets = program.Definition.Networks.Single(n => n.Region != region.Region).Subnets.Select(s => s.Cidr.ToString());
            var expected = access.VaultNetworks.Concat(access.BootstrapNetworks).Select(n => n.ToString()).Concat(otherSubnets).Order(StringComparer.Ordinal).ToList();
            var cidrRules = mocks.OfType(Ingress)
                .Where(r => (string)r.Inputs["securityGroupId"] == $"ledger-db-{region.Region}-sg-id" && r.Inputs.ContainsKey("cidrIpv4"))
                .ToList();
            Assert.Equal(expected, cidrRules.Select(r => (string)r.Inputs["cidrIpv4"]).Order(StringComparer.Ordinal));
            Assert.All(cidrRules, r => Assert.Equal(5432.0, r.Inputs["fromPort"]));
        }
    }

    [Fact]
    public async Task A_region_without_a_provider_is_refused_naming_the_region()
    {
        var program = new DatabaseProgram("staging");

        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
            _ = new ReplicatedDatabase(program.Blueprint.Name, program.NewArgs(regions: [program.Blueprint.Primary.Region])));

        Assert.Equal("args", error.ParamName);
        Assert.Contains($"[AwsProviders] has no provider for: {program.Blueprint.Secondary.Region};", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_without_its_fleets_security_group_is_refused_naming_the_service()
    {
        var program = new DatabaseProgram("staging");
        var user = program.Blueprint.UsedBy[0];

        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
            _ = new ReplicatedDatabase(program.Blueprint.Name, program.NewArgs(withoutFleet: user)));

        Assert.Equal("args", error.ParamName);
        Assert.Contains($"[FleetSecurityGroupIds] has no security group for: {user} in {program.Blueprint.Primary.Region}, {user} in {program.Blueprint.Secondary.Region};", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_requires_its_args()
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentNullException>(() => _ = new ReplicatedDatabase("ledger-db", null!));

        Assert.Equal("args", error.ParamName);
    }

    [Fact]
    public async Task The_replica_cluster_is_not_created_while_the_writer_does_not_exist()
    {
        // A plain recorder cannot make one creation fail: Moq wraps it to fail the writer cluster's.
        var recorder = DatabaseProgram.Mocks();
        var engine = new Mock<IMocks>();
        engine.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).Returns((MockResourceArgs args) => recorder.NewResourceAsync(args));
        engine.Setup(m => m.NewResourceAsync(It.Is<MockResourceArgs>(args => args.Type == Cluster && args.Name == "ledger-db-eu-west-3-cluster")))
            .ThrowsAsync(new InvalidOperationException("the writer cluster could not be created"));
        engine.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).Returns((MockCallArgs args) => recorder.CallAsync(args));
        var program = new DatabaseProgram("staging");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deployment.TestAsync(engine.Object, new TestOptions { IsPreview = false, StackName = "staging" }, program.Build));

        Assert.Contains("the writer cluster could not be created", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("eu-west-3", program.Blueprint.Primary.Region);
        Assert.Contains(recorder.OfType(Key), k => k.Name == "ledger-db-eu-west-1-key");
        engine.Verify(m => m.NewResourceAsync(It.Is<MockResourceArgs>(args => args.Type == Cluster && args.Name == "ledger-db-eu-west-1-cluster")), Times.Never);
        Assert.Empty(recorder.OfType(Instance));
    }
}
