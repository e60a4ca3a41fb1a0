using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>Who gains and who loses what between two snapshots; a change of level is a loss and a gain.</summary>
public sealed record AccessDiff(AccessSnapshot From, AccessSnapshot To, EquatableList<AccessChange> Changes)
{
    /// <summary>The people who lose at least one access.</summary>
    public IReadOnlyList<string> PeopleLosingAccess =>
        [.. Changes.Where(c => c.Kind == AccessChangeKind.Lost).Select(c => c.Entry.Person).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The people who lose access for another reason than a date: what the removal limit counts. A loss is scheduled,
    /// and never counted, when the person's access period is over (end date, leave or termination), the grant expired,
    /// or its approver's access period is over.
    /// </summary>
    public IReadOnlyList<string> PeopleLosingAccessUnscheduled =>
        [.. Changes.Where(c => c.Kind == AccessChangeKind.Lost && !IsScheduled(c.Entry)).Select(c => c.Entry.Person).Distinct(StringComparer.Ordinal)];

    private bool IsScheduled(AccessEntry lost) =>
        To.Ended.Contains(lost.Person) || (lost.Grant is { } grant && (grant.EndsAt <= To.At || To.Ended.Contains(grant.Approver)));

    public static AccessDiff Between(AccessSnapshot from, AccessSnapshot to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var before = from.Entries.ToDictionary(Key);
        var after = to.Entries.ToDictionary(Key);
        var changes = new List<AccessChange>();
        foreach (var entry in from.Entries)
        {
            if (!after.TryGetValue(Key(entry), out var now))
            {
                changes.Add(new AccessChange(AccessChangeKind.Lost, entry, null));
            }
            else if (now.Until != entry.Until || now.Why != entry.Why)
            {
                changes.Add(new AccessChange(AccessChangeKind.Changed, entry, now));
            }
        }
        changes.AddRange(to.Entries.Where(e => !before.ContainsKey(Key(e))).Select(e => new AccessChange(AccessChangeKind.Gained, null, e)));
        return new AccessDiff(from, to, changes
            .OrderBy(c => c.Entry.Person, StringComparer.Ordinal)
            .ThenBy(c => c.Entry.System, StringComparer.Ordinal)
            .ThenBy(c => c.Entry.Resource, StringComparer.Ordinal)
            .ThenBy(c => c.Kind)
            .ToEquatableList());
    }

    private static (string, string, string, string, bool) Key(AccessEntry entry) =>
        (entry.Person, entry.System, entry.Resource, entry.Level, entry.Grant is null);
}
