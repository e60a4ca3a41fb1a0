using Infra.Blueprints.Loading;
using Pulumi;

namespace Infra.Stacks;

/// <summary>The stack config that Pulumi hands to the program, read for the definition loader.</summary>
internal sealed class PulumiStackConfigValues(Config config) : IStackConfigValues
{
    public string? GetValue(string key) => config.Get(key);

    // GetSecret is null exactly when the key is not set, and keeps a set value wrapped in a secret
    // Output instead of reading it here. It does not tell whether the value was given as a secret:
    // the SDK has no public way to ask that.
    public bool HasSecret(string key) => config.GetSecret(key) is not null;
}
