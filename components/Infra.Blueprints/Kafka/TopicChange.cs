namespace Infra.Blueprints.Kafka;

/// <summary>
/// One topic change. A destructive change loses the topic's data (replace, delete); a refused one
/// must not be applied, and <see cref="Reason"/> says why and what would make it allowed.
/// </summary>
public sealed record TopicChange(string Topic, TopicChangeKind Kind, bool Destructive, bool Refused, IReadOnlyList<string> Details, string? Reason);
