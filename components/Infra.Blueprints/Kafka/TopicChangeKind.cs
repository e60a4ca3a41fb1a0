namespace Infra.Blueprints.Kafka;

/// <summary>What applying the catalog does to a topic that the state holds, or will hold.</summary>
public enum TopicChangeKind
{
    Create,
    Update,
    Replace,
    Delete,
}
