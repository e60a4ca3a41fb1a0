using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Tests.People;

/// <summary>The repository's stacks as loaded, and small people to put in them.</summary>
internal static class Roster
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    public static readonly StackDefinition Staging = Load("staging");

    public static readonly StackDefinition Production = Load("production");

    public static StackDefinition Load(string stack) =>
        new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles(stack).Definition
            ?? throw new InvalidOperationException($"the repository's stack {stack} does not load");

    public static PersonDefinition Person(string id, DateOnly start, DateOnly? end = null, string team = "payments", ContractKind contract = ContractKind.Employee, params TemporaryGrant[] grants) =>
        new(id, $"Person {id}", $"{id}@example-bank.eu", [team], contract, start, end, grants.ToEquatableList());

    /// <summary>The stack with only the given people.</summary>
    public static StackDefinition With(this StackDefinition definition, params PersonDefinition[] people) =>
        definition with { Catalog = definition.Catalog with { People = people.OrderBy(p => p.Id, StringComparer.Ordinal).ToEquatableList() } };
}
