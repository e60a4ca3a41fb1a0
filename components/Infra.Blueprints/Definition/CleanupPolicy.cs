namespace Infra.Blueprints.Definition;

/// <summary>Kafka's cleanup.policy: delete old segments, or keep the latest value per key.</summary>
public enum CleanupPolicy
{
    Delete,
    Compact,
}
