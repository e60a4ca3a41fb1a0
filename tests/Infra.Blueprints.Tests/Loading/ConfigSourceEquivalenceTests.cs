using Infra.Blueprints.Loading;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Loading;

/// <summary>
/// The Pulumi program gets its config from Pulumi (JSON per key), the CLI from the stack file.
/// Both must give the same definition. The Pulumi-bound tests prove it again through the SDK.
/// </summary>
public sealed class ConfigSourceEquivalenceTests
{
    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Config_as_Pulumi_hands_it_over_gives_the_same_definition_as_the_file(string stack)
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var loader = new StackDefinitionLoader(root);

        var fromFile = loader.LoadFromFiles(stack);
        var fromConfig = loader.LoadFromConfig(stack, PulumiStackConfig.FromStackFile(root, stack));

        Assert.False(fromConfig.HasErrors, fromConfig.FormatErrors());
        Assert.NotNull(fromFile.Definition);
        Assert.Equal(fromFile.Definition, fromConfig.Definition);
    }

    [Fact]
    public void Errors_from_Pulumi_config_name_the_key_without_a_line()
    {
        using var repository = new RepositoryCopy().Edit(Files.Staging, "port: 9443", "port: 70000");
        var config = PulumiStackConfig.FromStackFile(repository.Root, "staging");

        var error = Assert.Single(repository.Loader.LoadFromConfig("staging", config).Errors);

        Assert.Equal("Pulumi config of stack 'staging'", error.File);
        Assert.Equal("infra:services.card-authorizer.port", error.KeyPath);
        Assert.Null(error.Line);
    }

    [Fact]
    public void Missing_secret_in_Pulumi_config_is_an_error()
    {
        using var repository = new RepositoryCopy().Edit(Files.Staging, "  infra:consulToken:\n    secure: v1:", "  infra:unusedSecret:\n    secure: v1:");
        var config = PulumiStackConfig.FromStackFile(repository.Root, "staging");

        var errors = repository.Loader.LoadFromConfig("staging", config).Errors;

        Assert.Contains(errors, e => e.KeyPath == "infra:consulToken" && e.Message == "missing required key 'infra:consulToken'");
    }

    [Fact]
    public void Definition_holds_no_secret_value()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var definition = new StackDefinitionLoader(root).LoadFromFiles("staging").Definition!;
        var stackFile = File.ReadAllText(Path.Combine(root, Files.Staging));
        var ciphertexts = stackFile.Split('\n').Where(l => l.Contains("secure:", StringComparison.Ordinal)).Select(l => l.Split("secure:")[1].Trim()).ToList();

        Assert.Equal(2, ciphertexts.Count);
        Assert.All(ciphertexts, c => Assert.DoesNotContain(c, definition.ToString(), StringComparison.Ordinal));
    }
}
