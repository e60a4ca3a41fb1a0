using System.Globalization;

namespace Infra.Blueprints.Kafka;

/// <summary>
/// What the cluster's broker configuration (an MSK configuration's server properties) must say for
/// the ACLs of <see cref="KafkaAcls"/> to mean anything: a resource without an ACL is refused, not
/// open to everyone, and a client cannot create a topic the catalog does not hold. Keys left out take
/// MSK's defaults, and MSK's default of <c>allow.everyone.if.no.acl.found</c> is true, so both must be
/// stated. The Kafka versions must be 2.8 or later, where WRITE on a topic authorizes idempotent
/// writes (KIP-679): this program grants no IDEMPOTENT_WRITE.
/// </summary>
public static class KafkaBrokerRequirements
{
    public static IReadOnlyDictionary<string, string> RequiredProperties { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["allow.everyone.if.no.acl.found"] = "false",
        ["auto.create.topics.enable"] = "false",
    };

    public static readonly Version MinimumKafkaVersion = new(2, 8);

    /// <summary>What is wrong with the configuration <paramref name="name"/>, one sentence each; empty when nothing is.</summary>
    public static IReadOnlyList<string> Problems(string name, string serverProperties, IEnumerable<string> kafkaVersions)
    {
        ArgumentNullException.ThrowIfNull(serverProperties);
        ArgumentNullException.ThrowIfNull(kafkaVersions);
        var properties = Parse(serverProperties);
        var problems = new List<string>();
        foreach (var (key, expected) in RequiredProperties)
        {
            if (!properties.TryGetValue(key, out var found))
            {
                problems.Add($"MSK configuration '{name}' does not set {key}; MSK's default then applies; expected {key}={expected}");
            }
            else if (!string.Equals(found, expected, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"MSK configuration '{name}' has {key}={found}; expected {key}={expected}");
            }
        }
        foreach (var version in kafkaVersions)
        {
            if (MajorMinor(version) is not { } parsed || parsed < MinimumKafkaVersion)
            {
                problems.Add($"MSK configuration '{name}' is for Kafka {version}; expected {MinimumKafkaVersion} or later, where WRITE on a topic authorizes idempotent producers (this program grants no IDEMPOTENT_WRITE)");
            }
        }
        return problems;
    }

    /// <summary>Java properties as MSK stores them: <c>key=value</c> (or <c>key:value</c>) lines, <c>#</c> and <c>!</c> comments; the last line of a key wins.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string serverProperties)
    {
        ArgumentNullException.ThrowIfNull(serverProperties);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in serverProperties.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }
            var separator = line.IndexOfAny(['=', ':']);
            if (separator > 0)
            {
                properties[line[..separator].Trim()] = line[(separator + 1)..].Trim();
            }
        }
        return properties;
    }

    // MSK names versions 2.8.1, 3.6.0, 3.7.x or 3.7.x.kraft.
    private static Version? MajorMinor(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? new Version(major, minor)
            : null;
    }
}
