using Infra.Blueprints.Databases;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.People;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.Tests.People;

/// <summary>
/// The HR pipeline runs a targeted update of the PeopleAccess component only. That is safe because
/// people.yaml feeds no other component: whatever an HR event does to the people, every other
/// blueprint of the stack stays equal, so no other resource can change.
/// </summary>
public sealed class PeopleUpdateIsolationTests
{
    public static TheoryData<string> Stacks => new() { "staging", "production" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Changing_the_people_changes_no_other_blueprint(string stack)
    {
        var before = Roster.Load(stack);
        foreach (var after in PeopleOnlyChanges(before))
        {
            Assert.Equal(FleetBlueprints.For(before), FleetBlueprints.For(after));
            Assert.Equal(VaultBlueprints.For(before), VaultBlueprints.For(after));
            Assert.Equal(KafkaTopicCatalog.For(before), KafkaTopicCatalog.For(after));
            Assert.Equal(DatabaseBlueprints.For(before), DatabaseBlueprints.For(after));
            Assert.NotEqual(PeopleAccessBlueprints.For(before, Roster.Today), PeopleAccessBlueprints.For(after, Roster.Today));
        }
    }

    /// <summary>What HR events do: a hire, a leave, a team change, an extension, and everyone gone at once.</summary>
    private static IEnumerable<StackDefinition> PeopleOnlyChanges(StackDefinition definition)
    {
        var people = definition.Catalog.People;
        StackDefinition With(IEnumerable<PersonDefinition> changed) =>
            definition with { Catalog = definition.Catalog with { People = changed.OrderBy(p => p.Id, StringComparer.Ordinal).ToEquatableList() } };

        yield return With([.. people, Roster.Person("jdoe", Roster.Today, team: "platform")]);
        yield return With(people.Select(p => p.Id == "cmartin" ? p with { End = Roster.Today.AddDays(-1) } : p));
        yield return With(people.Select(p => p.Id == "hlambert" ? p with { Teams = ["platform"] } : p));
        yield return With(people.Select(p => p.Id == "cmurphy" ? p with { End = Roster.Today.AddDays(-30) } : p));
        yield return With([]);
    }
}
