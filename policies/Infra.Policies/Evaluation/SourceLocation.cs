namespace Infra.Policies.Evaluation;

/// <summary>A file and 1-based line that reports point at (the stack file for a resource, waivers.yaml for a waiver).</summary>
public sealed record SourceLocation(string Path, int Line);
