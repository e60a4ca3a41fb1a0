namespace Infra.Blueprints.Drills;

/// <summary>One pre-check of a region switch, e.g. the secondary's capacity for one database.</summary>
public sealed record DrillCheck(string Id, string Subject, DrillCheckStatus Status, string Detail);
