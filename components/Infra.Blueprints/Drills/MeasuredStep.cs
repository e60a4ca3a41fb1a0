namespace Infra.Blueprints.Drills;

/// <summary>How long one step of the last drill took.</summary>
public sealed record MeasuredStep(string Id, TimeSpan Duration);
