using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// The outcome of applying an HR event to the people: refused with a reason, or the people after
/// it (unchanged when the event was already reflected) and the instant from which it changes access.
/// </summary>
public sealed record HrApplication(string? Refusal, EquatableList<PersonDefinition> People, bool Changed, DateTimeOffset ImpactAt)
{
    public bool Accepted => Refusal is null;
}
