namespace Infra.Blueprints.Loading;

/// <summary>A value read from a document, with the key path it was read at.</summary>
internal sealed record Located<T>(string Path, T Value);
