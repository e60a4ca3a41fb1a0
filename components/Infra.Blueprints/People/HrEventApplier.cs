using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// Applies one HR event to the people of people.yaml: a pure function. Applying an event to people
/// that already reflect it changes nothing, so a run that stopped after writing people.yaml and
/// before writing the journal can be repeated safely.
/// </summary>
public static class HrEventApplier
{
    /// <param name="now">When the event is applied: a team change applies from its day on, a termination ends access by then at the latest.</param>
    /// <param name="privilegedTeams">
    /// The teams HR may only request (<see cref="TeamDefinition.IsPrivileged"/>): an event's teams among them go to <c>requestedTeams</c>,
    /// and a member of the team moves them to <c>teams</c> with an approval, in a merge request.
    /// </param>
    public static HrApplication Apply(IReadOnlyList<PersonDefinition> people, HrEvent hrEvent, DateTimeOffset now, IReadOnlySet<string> privilegedTeams)
    {
        ArgumentNullException.ThrowIfNull(privilegedTeams);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(hrEvent);
        var current = people.FirstOrDefault(p => p.Id == hrEvent.Person);
        if (hrEvent.Kind != HrEventKind.Hire && current is null)
        {
            return Refuse(people, $"'{hrEvent.Person}' is not a person of people.yaml; a {HrEventReader.TypeName(hrEvent.Kind)} needs an existing person");
        }
        return hrEvent.Kind switch
        {
            HrEventKind.Hire => Hire(people, current, hrEvent, privilegedTeams),
            HrEventKind.Leave => EndAccess(people, current!, hrEvent, hrEvent.At ?? PersonDefinition.StartOf(hrEvent.Effective.AddDays(1))),
            HrEventKind.Terminate => EndAccess(people, current!, hrEvent, hrEvent.IssuedAt < now ? hrEvent.IssuedAt : now),
            HrEventKind.TeamChange => TeamChange(people, current!, hrEvent, now, privilegedTeams),
            _ => Extend(people, current!, hrEvent),
        };
    }

    private static HrApplication Hire(IReadOnlyList<PersonDefinition> people, PersonDefinition? current, HrEvent e, IReadOnlySet<string> privileged)
    {
        var hired = new PersonDefinition(e.Person, e.Name!, e.Email!, e.Teams!.Where(t => !privileged.Contains(t)).ToEquatableList(), e.Contract!.Value, e.Effective, e.End, [])
        {
            RequestedTeams = e.Teams!.Where(privileged.Contains).ToEquatableList(),
        };
        if (current is not null)
        {
            return current == hired
                ? Unchanged(people, PersonDefinition.StartOf(e.Effective))
                : Refuse(people, $"'{e.Person}' is already in people.yaml (since {current.Start:yyyy-MM-dd}) with other details; a returning person or a correction is edited by hand in a merge request");
        }
        if (people.FirstOrDefault(p => string.Equals(p.Email, hired.Email, StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            return Refuse(people, $"{hired.Email} is already the e-mail of '{other.Id}'");
        }
        return Changed([.. people, hired], PersonDefinition.StartOf(e.Effective));
    }

    /// <summary>
    /// Access ends at <paramref name="endsAt"/> (a leave: the end of its day or its time; a termination: now), or
    /// earlier if it already ended earlier: a leave never gives access longer than the person already had. A time on a
    /// day boundary is kept as the last day (<c>end</c>); any other as the last day and the time (<c>endsAt</c>).
    /// </summary>
    private static HrApplication EndAccess(IReadOnlyList<PersonDefinition> people, PersonDefinition current, HrEvent e, DateTimeOffset endsAt)
    {
        if (endsAt <= PersonDefinition.StartOf(current.Start))
        {
            return Refuse(people, $"'{current.Id}' leaves on {e.Effective:yyyy-MM-dd}, before their first day {current.Start:yyyy-MM-dd}, so never had access; a cancelled hire is removed from people.yaml by hand");
        }
        var currentEnd = current.EndsAt ?? (current.End is { } end ? PersonDefinition.StartOf(end.AddDays(1)) : DateTimeOffset.MaxValue);
        var ends = (endsAt < currentEnd ? endsAt : currentEnd).ToUniversalTime();
        var updated = ends.TimeOfDay == TimeSpan.Zero
            ? current with { End = DateOnly.FromDateTime(ends.UtcDateTime).AddDays(-1), EndsAt = null }
            : current with { End = DateOnly.FromDateTime(ends.UtcDateTime), EndsAt = ends };
        return Replace(people, current, updated, ends);
    }

    /// <summary>
    /// people.yaml holds no dated team history, so a team change is applied on its day, not before. The person keeps the
    /// privileged teams the event names and they already hold (approved); the others it names wait in <c>requestedTeams</c>.
    /// </summary>
    private static HrApplication TeamChange(IReadOnlyList<PersonDefinition> people, PersonDefinition current, HrEvent e, DateTimeOffset now, IReadOnlySet<string> privileged)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (e.Effective > today)
        {
            return Refuse(people, $"the team change of '{current.Id}' takes effect on {e.Effective:yyyy-MM-dd}; it can be applied on or after that day, not on {today:yyyy-MM-dd}");
        }
        var teams = e.Teams!.Where(t => !privileged.Contains(t) || current.Teams.Contains(t)).ToEquatableList();
        var updated = current with
        {
            Teams = teams,
            RequestedTeams = e.Teams!.Where(t => privileged.Contains(t) && !current.Teams.Contains(t)).ToEquatableList(),
            Approvals = current.Approvals.Where(a => teams.Contains(a.Team)).ToEquatableList(),
        };
        return Replace(people, current, updated, now);
    }

    private static HrApplication Extend(IReadOnlyList<PersonDefinition> people, PersonDefinition current, HrEvent e)
    {
        if (current.EndsAt is { } endedAt)
        {
            return Refuse(people, $"the access of '{current.Id}' was ended at {endedAt:yyyy-MM-dd HH:mm}Z by a leave or termination; a return is edited by hand in a merge request");
        }
        if (current.End is not { } end)
        {
            return Refuse(people, $"'{current.Id}' has no end date to extend");
        }
        if (e.End < end)
        {
            return Refuse(people, $"the new end {e.End:yyyy-MM-dd} of '{current.Id}' is before the current end {end:yyyy-MM-dd}; an earlier end is a leave event");
        }
        return Replace(people, current, current with { End = e.End }, PersonDefinition.StartOf(end.AddDays(1)));
    }

    private static HrApplication Replace(IReadOnlyList<PersonDefinition> people, PersonDefinition current, PersonDefinition updated, DateTimeOffset impact) =>
        current == updated
            ? Unchanged(people, impact)
            : Changed([.. people.Select(p => ReferenceEquals(p, current) ? updated : p)], impact);

    private static HrApplication Changed(List<PersonDefinition> people, DateTimeOffset impact) =>
        new(null, people.OrderBy(p => p.Id, StringComparer.Ordinal).ToEquatableList(), true, impact);

    private static HrApplication Unchanged(IReadOnlyList<PersonDefinition> people, DateTimeOffset impact) =>
        new(null, people.ToEquatableList(), false, impact);

    private static HrApplication Refuse(IReadOnlyList<PersonDefinition> people, string reason) =>
        new(reason, people.ToEquatableList(), false, default);
}
