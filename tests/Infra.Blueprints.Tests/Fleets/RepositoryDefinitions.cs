using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Tests.Fleets;

/// <summary>The repository's stacks as loaded, to build fleets from real data.</summary>
internal static class RepositoryDefinitions
{
    public static StackDefinition Load(string stack)
    {
        var result = new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles(stack);
        Assert.False(result.HasErrors, result.FormatErrors());
        return result.Definition!;
    }

    public static ServiceDefinition Service(StackDefinition definition, string name) => definition.Services.Single(s => s.Name == name);
}
