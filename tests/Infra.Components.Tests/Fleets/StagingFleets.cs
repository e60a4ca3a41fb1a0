using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Loading;

namespace Infra.Components.Tests.Fleets;

/// <summary>The fleet blueprints of the repository's staging stack, as the program builds them.</summary>
internal static class StagingFleets
{
    public static EquatableList<FleetBlueprint> Blueprints()
    {
        var loaded = new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("staging");
        Assert.False(loaded.HasErrors, loaded.FormatErrors());
        return FleetBlueprints.For(loaded.Definition!);
    }
}
