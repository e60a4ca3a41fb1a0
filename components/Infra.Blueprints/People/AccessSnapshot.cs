using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>Who reaches what in one stack on one day, sorted by person, system and resource.</summary>
public sealed record AccessSnapshot(string Stack, DateOnly Day, EquatableList<AccessEntry> Entries)
{
    /// <summary>The people who reach anything, sorted.</summary>
    public IEnumerable<string> People => Entries.Select(e => e.Person).Distinct(StringComparer.Ordinal);
}
