namespace Infra.Blueprints.Kafka;

/// <summary>The topic changes of a stack against its state, and how many topics stay as they are.</summary>
public sealed record KafkaChangePlan(IReadOnlyList<TopicChange> Changes, int Unchanged)
{
    public bool HasRefused => Changes.Any(c => c.Refused);
}
