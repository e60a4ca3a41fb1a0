using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Infra.Components.Tests.Databases;

/// <summary>The database maps its blueprint to resources one for one, per region, with protect and ignoreChanges where they belong.</summary>
public sealed class ReplicatedDatabaseTests
{
    private const string Cluster = "aws:rds/cluster:Cluster";

    private static async Task<(DatabaseMocks Mocks, DatabaseProgram Program)> Deploy(string stack)
    {
        var mocks = new DatabaseMocks();
        var program = new DatabaseProgram(stack);
        await Deployment.TestAsync(mocks.Engine, new TestOptions { IsPreview = false, StackName = stack }, program.Build);
        return (mocks, program);
    }

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
        Assert.Equal(blueprint.Primary.SecurityGroup.Rules.Count, mocks.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").Count);
        Assert.Single(mocks.OfType("consul:index/node:Node"));
        Assert.Single(mocks.OfType("consul:index/service:Service"));
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
    public async Task Only_the_primary_cluster_is_created_with_a_master_user_managed_by_RDS()
    {
        var (mocks, _) = await Deploy("staging");

        var primary = mocks.Single(Cluster, "ledger-db-eu-west-3-cluster").Inputs;
        var secondary = mocks.Single(Cluster, "ledger-db-eu-west-1-cluster").Inputs;
        Assert.Equal("dbmaster", primary["masterUsername"]);
        Assert.True(primary["manageMasterUserPassword"] is true);
        Assert.False(primary.ContainsKey("masterPassword"));
        Assert.False(secondary.ContainsKey("masterUsername"));
        Assert.Equal("ledger-db-global-id", secondary["globalClusterIdentifier"]);
        Assert.True(secondary["storageEncrypted"] is true);
        Assert.Equal("ledger-db-staging-eu-west-1-final", secondary["finalSnapshotIdentifier"]);
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

        Assert.Equal(DatabaseMocks.Endpoint("ledger-db-eu-west-3-cluster"), await OutputUtilities.GetValueAsync(component.WriterEndpoint));
        Assert.False(await Output.IsSecretAsync(component.WriterEndpoint));
        Assert.True(await Output.IsSecretAsync(component.MasterUserSecretArn));
        var arns = await OutputUtilities.GetValueAsync(component.ClusterArns);
        Assert.Equal(["eu-west-1", "eu-west-3"], arns.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Consul_and_Vault_point_at_the_writer_with_the_roles_of_the_vault_blueprint()
    {
        var (mocks, program) = await Deploy("staging");
        var writer = DatabaseMocks.Endpoint("ledger-db-eu-west-3-cluster");

        var service = Assert.Single(mocks.OfType("consul:index/service:Service")).Inputs;
        Assert.Equal("ledger-db", service["name"]);
        Assert.Equal(writer, service["address"]);
        var connection = Assert.Single(mocks.OfType("vault:database/secretBackendConnection:SecretBackendConnection")).Inputs;
        Assert.Equal("postgresql-database-plugin", connection["pluginName"]);
        Assert.Equal(program.Blueprint.Vault.AllowedRoles, ((ImmutableArray<object>)connection["allowedRoles"]).Cast<string>());
        var postgresql = InputTree.Map(connection, "postgresql");
        Assert.Equal(program.Blueprint.Vault.ConnectionUrl(writer), postgresql["connectionUrl"]);
        Assert.False(postgresql.ContainsKey("password"));
    }
}
