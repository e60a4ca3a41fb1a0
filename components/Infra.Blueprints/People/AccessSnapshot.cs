using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// Who reaches what in one stack at one instant, sorted by person, system and resource.
/// <see cref="Ended"/> are the people of the catalog whose access period is over at that instant
/// (end date or termination passed): their losses are scheduled, not a mistake.
/// </summary>
public sealed record AccessSnapshot(string Stack, DateTimeOffset At, EquatableList<AccessEntry> Entries, EquatableList<string> Ended)
{
    /// <summary>The UTC day of <see cref="At"/>.</summary>
    public DateOnly Day => DateOnly.FromDateTime(At.UtcDateTime);

    /// <summary>The people who reach anything, sorted.</summary>
    public IEnumerable<string> People => Entries.Select(e => e.Person).Distinct(StringComparer.Ordinal);
}
