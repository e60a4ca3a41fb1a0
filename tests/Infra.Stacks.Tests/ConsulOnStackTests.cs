using Infra.Components.Tests.Support;
using Infra.Stacks.Tests.Support;

namespace Infra.Stacks.Tests;

/// <summary>
/// The stack has a Consul provider per datacenter (the stack's, in Paris, and Ireland's own) and registers each database's
/// writer endpoint in both, so calls by Consul name resolve in Ireland when Paris is lost; people's ACL tokens stay in
/// the stack's datacenter, whose ACL replication copies them (issue 16, finding 12).
/// </summary>
[Collection(SharedDeployments.Name)]
public sealed class ConsulOnStackTests(DeployedStacks stacks)
{
    [Theory]
    [InlineData("staging", "stg-par", "stg-dub")]
    [InlineData("production", "prd-par", "prd-dub")]
    public async Task There_is_a_consul_provider_for_the_datacenter_of_each_region(string stackName, string paris, string ireland)
    {
        var providers = (await stacks.Of(stackName)).Resources.Where(r => r.Type == "pulumi:providers:consul").ToDictionary(r => r.Name, r => r.Inputs);

        Assert.Equal([$"consul-{ireland}", $"consul-{paris}"], providers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((ireland, $"consul.{ireland}.example-bank.eu", "https"), (providers[$"consul-{ireland}"]["datacenter"], providers[$"consul-{ireland}"]["address"], providers[$"consul-{ireland}"]["scheme"]));
        Assert.Equal((paris, $"consul.{paris}.example-bank.eu"), (providers[$"consul-{paris}"]["datacenter"], providers[$"consul-{paris}"]["address"]));
    }

    [Theory]
    [InlineData("staging", "stg-par", "stg-dub")]
    [InlineData("production", "prd-par", "prd-dub")]
    public async Task Every_databases_writer_endpoint_is_registered_in_both_datacenters_through_their_providers(string stackName, string paris, string ireland)
    {
        var deployment = await stacks.Of(stackName);
        var services = deployment.Resources.Where(r => r.Type == "consul:index/service:Service").ToList();

        foreach (var database in deployment.Program.Definition.Databases)
        {
            var registered = services.Where(s => (string)s.Inputs["name"] == database.Name).ToDictionary(s => RecordingMocks.ProviderId(s.Provider), s => s.Inputs["address"]);
            Assert.Equal([$"consul-{ireland}-id", $"consul-{paris}-id"], registered.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(registered[$"consul-{paris}-id"], registered[$"consul-{ireland}-id"]);
        }
    }

    [Theory]
    [InlineData("staging", "stg-par")]
    [InlineData("production", "prd-par")]
    public async Task Peoples_acl_policies_and_tokens_go_to_the_stacks_datacenter_only(string stackName, string paris)
    {
        var acl = (await stacks.Of(stackName)).Resources.Where(r => r.Type is "consul:index/aclToken:AclToken" or "consul:index/aclPolicy:AclPolicy").ToList();

        Assert.NotEmpty(acl);
        Assert.All(acl, r => Assert.Equal($"consul-{paris}-id", RecordingMocks.ProviderId(r.Provider)));
    }
}
