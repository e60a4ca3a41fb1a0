using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// An HR event as signed by the HR system. <see cref="Effective"/> is the first day for a hire,
/// the last day of access for a leave, the day a team change applies, and the day an extension was
/// agreed; events of one person are applied in order of it. <see cref="IssuedAt"/> is when HR sent it.
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
    DateOnly? End);
