using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Drills;

/// <summary>One step of a runbook: what to do, the exact commands, and how long it takes.</summary>
/// <param name="Id">Stable across directions and stacks: the drill record names measured steps by it.</param>
/// <param name="Budget">The measured duration of the last drill when it recorded this step, else the declared estimate.</param>
/// <param name="Measured">Whether <paramref name="Budget"/> comes from the last drill.</param>
public sealed record DrillStep(string Id, string Title, string Detail, EquatableList<string> Commands, TimeSpan Budget, bool Measured);
