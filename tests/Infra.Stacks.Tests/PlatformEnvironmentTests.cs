using System.Text.Json.Nodes;
using Infra.Blueprints.Loading;
using Pulumi;
using Pulumi.Testing;

using Infra.Blueprints.Tests.Support;
using Infra.Stacks.Tests.Support;

namespace Infra.Stacks.Tests;

public sealed class PlatformEnvironmentTests
{
    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task Both_loaders_give_equal_definitions_for_the_repository_stacks(string stackName)
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var fileLoaded = new StackDefinitionLoader(root).LoadFromFiles(stackName);
        Assert.False(fileLoaded.HasErrors, fileLoaded.FormatErrors());

        using (PulumiConfigEnvironment.Apply(PulumiStackConfig.FromStackFile(root, stackName)))
        {
            var resources = await Deployment.TestAsync<PlatformEnvironment>(MockedDeployment.Engine(), MockedDeployment.Options(stackName));

            var stack = Assert.Single(resources.OfType<PlatformEnvironment>());
            Assert.Equal(fileLoaded.Definition, stack.Definition);
        }
    }

    [Fact]
    public async Task A_broken_config_value_fails_the_deployment_naming_its_key()
    {
        var config = PulumiStackConfig.FromStackFile(RepositoryRoot.Find(AppContext.BaseDirectory), "staging");
        var services = JsonNode.Parse(config.Values["infra:services"])!.AsObject();
        var service = services.First().Key;
        services[service]!["port"] = 70000;

        var exitCode = Environment.ExitCode;
        try
        {
            using (PulumiConfigEnvironment.Apply(config.WithValue("infra:services", services.ToJsonString())))
            {
                var error = await Assert.ThrowsAsync<RunException>(
                    () => Deployment.TestAsync<PlatformEnvironment>(MockedDeployment.Engine(), MockedDeployment.Options("staging")));

                Assert.Contains($"services.{service}.port", error.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            // A failed program sets the process exit code for the Pulumi CLI; here the process is the test host.
            Environment.ExitCode = exitCode;
        }
    }
}
