using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// An HR event as signed by the HR system. <see cref="Effective"/> is the first day for a hire,
/// the last day of access for a leave, the day a team change applies, the day an extension was
/// agreed, and the day of a termination; events that add access are applied in order of it.
/// <see cref="IssuedAt"/> is when HR sent it; a termination ends access then.
/// </summary>
public sealed record HrEvent(
    string Id,
    HrEventKind Kind,
    DateTimeOffset IssuedAt,
    DateOnly Effective,
    string Person,
    string? Name,
    string? Email,
    EquatableList<string>? Teams,
    ContractKind? Contract,
    DateOnly? End)
{
    /// <summary>A leave's time: access ends at this instant of the effective day instead of at the end of it.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>A leave or a termination: an event that only removes access, which no ordering or staleness check may hold back.</summary>
    public bool RemovesAccess => Kind is HrEventKind.Leave or HrEventKind.Terminate;
}
