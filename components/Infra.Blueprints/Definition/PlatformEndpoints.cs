namespace Infra.Blueprints.Definition;

/// <summary>Where the platform services of the environment answer.</summary>
public sealed record PlatformEndpoints(
    Uri Vault,
    Uri Consul,
    string ConsulDatacenter,
    EquatableList<string> KafkaBrokers,
    string KafkaSaslUsername,
    Uri GitLab);
