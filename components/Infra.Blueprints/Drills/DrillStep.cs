using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Drills;

/// <summary>One step of a runbook: what to do, and the exact commands.</summary>
public sealed record DrillStep(string Title, string Detail, EquatableList<string> Commands);
