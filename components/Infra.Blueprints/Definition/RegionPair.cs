namespace Infra.Blueprints.Definition;

/// <summary>The region that serves and the region it is replicated to.</summary>
public sealed record RegionPair(string Primary, string Secondary);
