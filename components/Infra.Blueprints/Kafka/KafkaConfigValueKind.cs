namespace Infra.Blueprints.Kafka;

/// <summary>How Kafka types a topic config value (its ConfigDef type), as far as we allow it.</summary>
public enum KafkaConfigValueKind
{
    /// <summary>A whole number (Kafka's INT or LONG), within the key's bounds.</summary>
    WholeNumber,

    /// <summary>A fraction between the key's bounds (Kafka's DOUBLE).</summary>
    Fraction,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    TrueFalse,

    /// <summary>One of a fixed list of words.</summary>
    Choice,
}
