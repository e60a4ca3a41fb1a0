using System.Text.Json;

using Infra.Blueprints.Tests.Support;

namespace Infra.Stacks.Tests;

/// <summary>
/// Hands a stack config to the Pulumi SDK the way its language host does: in the
/// <c>PULUMI_CONFIG</c> (key to value) and <c>PULUMI_CONFIG_SECRET_KEYS</c> (list of keys)
/// environment variables, which the SDK reads when a deployment starts. Disposing puts the
/// previous values back.
/// </summary>
internal sealed class PulumiConfigEnvironment : IDisposable
{
    private const string ConfigVariable = "PULUMI_CONFIG";
    private const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

    private readonly string? previousConfig = Environment.GetEnvironmentVariable(ConfigVariable);
    private readonly string? previousSecretKeys = Environment.GetEnvironmentVariable(SecretKeysVariable);

    private PulumiConfigEnvironment(PulumiStackConfig config)
    {
        Environment.SetEnvironmentVariable(ConfigVariable, JsonSerializer.Serialize(config.Values));
        Environment.SetEnvironmentVariable(SecretKeysVariable, JsonSerializer.Serialize(config.SecretKeys));
    }

    public static PulumiConfigEnvironment Apply(PulumiStackConfig config) => new(config);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(ConfigVariable, previousConfig);
        Environment.SetEnvironmentVariable(SecretKeysVariable, previousSecretKeys);
    }
}
