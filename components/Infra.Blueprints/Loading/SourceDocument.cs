namespace Infra.Blueprints.Loading;

/// <summary>
/// Where input came from, as shown in diagnostics. Values handed over by Pulumi have no lines of
/// their own: there the key path alone says where.
/// </summary>
internal sealed record SourceDocument(string DisplayName, bool HasLines);
