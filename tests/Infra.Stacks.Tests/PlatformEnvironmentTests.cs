using System.Text.Json.Nodes;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Validation;
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
            // A preview: the repository's stacks hold placeholder ids, which only an update refuses.
            var resources = await Deployment.TestAsync<PlatformEnvironment>(MockedDeployment.Engine(), Preview(stackName));

            var stack = Assert.Single(resources.OfType<PlatformEnvironment>());
            Assert.Equal(fileLoaded.Definition, stack.Definition);
        }
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task An_update_with_placeholder_ids_stops_before_any_resource_naming_each_one(string stackName)
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var placeholders = PlaceholderIds.In(new StackDefinitionLoader(root).LoadFromFiles(stackName).Definition!.Networks);
        Assert.NotEmpty(placeholders);
        var engine = MockedDeployment.Engine();

        var exitCode = Environment.ExitCode;
        try
        {
            using (PulumiConfigEnvironment.Apply(PulumiStackConfig.FromStackFile(root, stackName)))
            {
                var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync<PlatformEnvironment>(engine, MockedDeployment.Options(stackName)));

                Assert.All(placeholders, p => Assert.Contains($"{p.KeyPath}: '{p.Id}' is a placeholder", error.Message, StringComparison.Ordinal));
                Assert.Empty(engine.Declared);
            }
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }

    [Fact]
    public async Task An_update_without_placeholder_ids_runs()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var config = PulumiStackConfig.FromStackFile(root, "staging");
        var networks = config.Values["infra:networks"];
        foreach (var placeholder in PlaceholderIds.In(new StackDefinitionLoader(root).LoadFromFiles("staging").Definition!.Networks))
        {
            // A real-looking id in place of each placeholder: the prefix and 17 hexadecimal digits.
            networks = networks.Replace(placeholder.Id, placeholder.Id.Replace("0000000000", "1a2b3c4d5e", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        using (PulumiConfigEnvironment.Apply(config.WithValue("infra:networks", networks)))
        {
            var resources = await Deployment.TestAsync<PlatformEnvironment>(MockedDeployment.Engine(), MockedDeployment.Options("staging"));

            Assert.Empty(PlaceholderIds.In(Assert.Single(resources.OfType<PlatformEnvironment>()).Definition.Networks));
        }
    }

    private static TestOptions Preview(string stackName) => new() { ProjectName = "infra", StackName = stackName, IsPreview = true };

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
