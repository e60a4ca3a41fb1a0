using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// Applies one HR event to the people of people.yaml: a pure function. Applying an event to people
/// that already reflect it changes nothing, so a run that stopped after writing people.yaml and
/// before writing the journal can be repeated safely.
/// </summary>
public static class HrEventApplier
{
    public static HrApplication Apply(IReadOnlyList<PersonDefinition> people, HrEvent hrEvent, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(hrEvent);
        var current = people.FirstOrDefault(p => p.Id == hrEvent.Person);
        if (hrEvent.Kind != HrEventKind.Hire && current is null)
        {
            return Refuse(people, $"'{hrEvent.Person}' is not a person of people.yaml; a {HrEventReader.TypeName(hrEvent.Kind)} needs an existing person");
        }
        return hrEvent.Kind switch
        {
            HrEventKind.Hire => Hire(people, current, hrEvent),
            HrEventKind.Leave => Leave(people, current!, hrEvent),
            HrEventKind.TeamChange => TeamChange(people, current!, hrEvent, today),
            _ => Extend(people, current!, hrEvent),
        };
    }

    private static HrApplication Hire(IReadOnlyList<PersonDefinition> people, PersonDefinition? current, HrEvent e)
    {
        var hired = new PersonDefinition(e.Person, e.Name!, e.Email!, e.Teams!, e.Contract!.Value, e.Effective, e.End, []);
        if (current is not null)
        {
            return current == hired
                ? Unchanged(people, e.Effective)
                : Refuse(people, $"'{e.Person}' is already in people.yaml (since {current.Start:yyyy-MM-dd}) with other details; a returning person or a correction is edited by hand in a merge request");
        }
        if (people.FirstOrDefault(p => string.Equals(p.Email, hired.Email, StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            return Refuse(people, $"{hired.Email} is already the e-mail of '{other.Id}'");
        }
        return Changed([.. people, hired], e.Effective);
    }

    /// <summary>The last day of access becomes the leaving day; a leave never gives access longer than the person already had.</summary>
    private static HrApplication Leave(IReadOnlyList<PersonDefinition> people, PersonDefinition current, HrEvent e)
    {
        if (e.Effective < current.Start)
        {
            return Refuse(people, $"'{current.Id}' leaves on {e.Effective:yyyy-MM-dd}, before their first day {current.Start:yyyy-MM-dd}; a cancelled hire is removed from people.yaml by hand");
        }
        var end = current.End is { } existing && existing < e.Effective ? existing : e.Effective;
        return Replace(people, current, current with { End = end }, e.Effective.AddDays(1));
    }

    /// <summary>people.yaml holds no dated team history, so a team change is applied on its day, not before.</summary>
    private static HrApplication TeamChange(IReadOnlyList<PersonDefinition> people, PersonDefinition current, HrEvent e, DateOnly today)
    {
        if (e.Effective > today)
        {
            return Refuse(people, $"the team change of '{current.Id}' takes effect on {e.Effective:yyyy-MM-dd}; it can be applied on or after that day, not on {today:yyyy-MM-dd}");
        }
        return Replace(people, current, current with { Teams = e.Teams! }, today);
    }

    private static HrApplication Extend(IReadOnlyList<PersonDefinition> people, PersonDefinition current, HrEvent e)
    {
        if (current.End is not { } end)
        {
            return Refuse(people, $"'{current.Id}' has no end date to extend");
        }
        if (e.End < end)
        {
            return Refuse(people, $"the new end {e.End:yyyy-MM-dd} of '{current.Id}' is before the current end {end:yyyy-MM-dd}; an earlier end is a leave event");
        }
        return Replace(people, current, current with { End = e.End }, end.AddDays(1));
    }

    private static HrApplication Replace(IReadOnlyList<PersonDefinition> people, PersonDefinition current, PersonDefinition updated, DateOnly impact) =>
        current == updated
            ? Unchanged(people, impact)
            : Changed([.. people.Select(p => ReferenceEquals(p, current) ? updated : p)], impact);

    private static HrApplication Changed(List<PersonDefinition> people, DateOnly impact) =>
        new(null, people.OrderBy(p => p.Id, StringComparer.Ordinal).ToEquatableList(), true, impact);

    private static HrApplication Unchanged(IReadOnlyList<PersonDefinition> people, DateOnly impact) =>
        new(null, people.ToEquatableList(), false, impact);

    private static HrApplication Refuse(IReadOnlyList<PersonDefinition> people, string reason) =>
        new(reason, people.ToEquatableList(), false, default);
}
