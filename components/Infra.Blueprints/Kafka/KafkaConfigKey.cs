using System.Globalization;

namespace Infra.Blueprints.Kafka;

/// <summary>
/// One allowed topic config key: its type, Kafka's default (as Kafka writes it) and the bounds we
/// accept. <see cref="Canonical"/> gives the one spelling that the blueprint writes and compares.
/// </summary>
public sealed record KafkaConfigKey(string Key, KafkaConfigValueKind Kind, string KafkaDefault, long Min, long Max, IReadOnlyList<string> Choices)
{
    public static KafkaConfigKey WholeNumber(string key, long kafkaDefault, long min, long max) =>
        new(key, KafkaConfigValueKind.WholeNumber, kafkaDefault.ToString(CultureInfo.InvariantCulture), min, max, []);

    public static KafkaConfigKey Fraction(string key, string kafkaDefault) => new(key, KafkaConfigValueKind.Fraction, kafkaDefault, 0, 1, []);

    public static KafkaConfigKey TrueFalse(string key, bool kafkaDefault) =>
        new(key, KafkaConfigValueKind.TrueFalse, kafkaDefault ? "true" : "false", 0, 0, []);

    public static KafkaConfigKey Choice(string key, string kafkaDefault, params string[] choices) =>
        new(key, KafkaConfigValueKind.Choice, kafkaDefault, 0, 0, choices);

    /// <summary>The value in the one spelling we write, or null when it is not a valid value of this key.</summary>
    public string? Canonical(string value) => Kind switch
    {
        KafkaConfigValueKind.WholeNumber => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= Min && number <= Max
            ? number.ToString(CultureInfo.InvariantCulture)
            : null,
        KafkaConfigValueKind.Fraction => double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ratio) && ratio >= Min && ratio <= Max
            ? ratio.ToString("R", CultureInfo.InvariantCulture)
            : null,
        KafkaConfigValueKind.TrueFalse => value is "true" or "false" ? value : null,
        _ => Choices.Contains(value, StringComparer.Ordinal) ? value : null,
    };

    /// <summary>What a value of this key may be, for error messages.</summary>
    public string Allowed => Kind switch
    {
        KafkaConfigValueKind.WholeNumber => string.Create(CultureInfo.InvariantCulture, $"a whole number between {Min} and {Max}"),
        KafkaConfigValueKind.Fraction => $"a decimal number between {Min} and {Max}, e.g. 0.5",
        KafkaConfigValueKind.TrueFalse => "true or false",
        _ => "one of " + string.Join(", ", Choices),
    };

    /// <summary>True when the value is Kafka's default, so writing it would change nothing.</summary>
    public bool IsKafkaDefault(string canonicalValue) => canonicalValue == Canonical(KafkaDefault);
}
