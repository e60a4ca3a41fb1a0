namespace Infra.Blueprints.Definition;

/// <summary>
/// A person of people.yaml; access runs from <see cref="Start"/> to <see cref="End"/> (UTC days, inclusive),
/// and stops earlier, at <see cref="EndsAt"/>, when a leave with a time or a termination says so.
/// </summary>
public sealed record PersonDefinition(
    string Id,
    string Name,
    string Email,
    EquatableList<string> Teams,
    ContractKind Contract,
    DateOnly Start,
    DateOnly? End,
    EquatableList<TemporaryGrant> Grants)
{
    /// <summary>Privileged teams HR asked for, waiting for an approval by a member of each; they give nothing yet.</summary>
    public EquatableList<string> RequestedTeams { get; init; } = [];

    /// <summary>The approvals of the person's privileged team memberships.</summary>
    public EquatableList<TeamApproval> Approvals { get; init; } = [];

    /// <summary>The instant access ends (exclusive), on the <see cref="End"/> day; null: at the end of that day.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Whether the person has access at some time of <paramref name="day"/>: from the start day to the end day, both included.</summary>
    public bool HasAccessOn(DateOnly day) =>
        Start <= day && (End is null || day <= End) && (EndsAt is null || EndsAt > StartOf(day));

    /// <summary>Whether the person has access at <paramref name="at"/>: from the start of the first day to <see cref="EndsAt"/> or the end of the last day.</summary>
    public bool HasAccessAt(DateTimeOffset at) =>
        StartOf(Start) <= at && (End is null || at < StartOf(End.Value.AddDays(1))) && (EndsAt is null || at < EndsAt);

    /// <summary>The first instant of a UTC day.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
