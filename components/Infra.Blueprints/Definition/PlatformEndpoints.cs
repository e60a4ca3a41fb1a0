namespace Infra.Blueprints.Definition;

/// <summary>
/// Where the platform services of the environment answer. <see cref="KafkaBrokerConfiguration"/> is
/// the name of the MSK configuration the Kafka brokers run, which the program checks.
/// </summary>
public sealed record PlatformEndpoints(
    Uri Vault,
    Uri Consul,
    string ConsulDatacenter,
    EquatableList<string> KafkaBrokers,
    string KafkaSaslUsername,
    string KafkaBrokerConfiguration,
    Uri GitLab);
