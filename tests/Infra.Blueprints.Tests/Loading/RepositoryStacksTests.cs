using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Loading;

/// <summary>The repository's own stack files and catalogs are valid and read as written.</summary>
public sealed class RepositoryStacksTests
{
    private static readonly StackDefinitionLoader Loader = new(RepositoryRoot.Find(AppContext.BaseDirectory));

    [Theory]
    [InlineData("staging", EnvironmentKind.Staging)]
    [InlineData("production", EnvironmentKind.Production)]
    public void Repository_stack_is_valid(string stack, EnvironmentKind environment)
    {
        var result = Loader.LoadFromFiles(stack);

        Assert.False(result.HasErrors, result.FormatErrors());
        var definition = Assert.IsType<StackDefinition>(result.Definition);
        Assert.Equal(environment, definition.Environment);
        Assert.Equal(new RegionPair("eu-west-3", "eu-west-1"), definition.Regions);
        Assert.True(definition.Services.Count >= 5);
        Assert.Equal(2, definition.Databases.Count);
    }

    [Fact]
    public void Catalogs_hold_the_documented_minimums()
    {
        var catalog = Loader.LoadFromFiles("staging").Definition!.Catalog;

        Assert.True(catalog.People.Count >= 25);
        Assert.True(catalog.People.SelectMany(p => p.Teams).Distinct().Count() >= 6);
        Assert.Contains(catalog.People, p => p.End is not null && p.Contract == ContractKind.Employee);
        Assert.All(catalog.People.Where(p => p.Contract == ContractKind.Contractor), p => Assert.NotNull(p.End));
        Assert.True(catalog.Topics.Count >= 30);
        Assert.True(catalog.Topics.Select(t => t.Name.Split('.')[0]).Distinct().Count() >= 4);
    }

    [Fact]
    public void Services_are_sorted_by_name_whatever_the_file_order()
    {
        var names = Loader.LoadFromFiles("staging").Definition!.Services.Select(s => s.Name).ToList();

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Stack_names_are_the_stack_files()
    {
        Assert.Equal(["production", "staging"], Loader.StackNames());
    }
}
