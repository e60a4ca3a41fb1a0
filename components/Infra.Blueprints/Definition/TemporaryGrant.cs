namespace Infra.Blueprints.Definition;

/// <summary>Access given to one person for a short time, with a reason and an approver.</summary>
public sealed record TemporaryGrant(
    string System,
    string Access,
    string Reason,
    string Approver,
    DateOnly Start,
    DateOnly Expires)
{
    /// <summary>Whether the grant is in force on <paramref name="day"/>: from its start day to its expiry day, both included.</summary>
    public bool IsActiveOn(DateOnly day) => Start <= day && day <= Expires;

    /// <summary>Whether the grant is in force at <paramref name="at"/>: from the start of its first day to the end of its expiry day (UTC).</summary>
    public bool IsActiveAt(DateTimeOffset at) =>
        PersonDefinition.StartOf(Start) <= at && at < PersonDefinition.StartOf(Expires.AddDays(1));

    /// <summary>The instant the grant stops: the end of its expiry day (UTC).</summary>
    public DateTimeOffset EndsAt => PersonDefinition.StartOf(Expires.AddDays(1));
}
