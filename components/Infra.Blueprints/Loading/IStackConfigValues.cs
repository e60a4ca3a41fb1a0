namespace Infra.Blueprints.Loading;

/// <summary>Raw stack configuration values of the <c>infra:</c> namespace, as Pulumi hands them to a program.</summary>
public interface IStackConfigValues
{
    /// <summary>The raw value of <c>infra:KEY</c> (objects and lists arrive as JSON text), or null when the key is not set.</summary>
    string? GetValue(string key);

    /// <summary>Whether <c>infra:KEY</c> is set, asked for secret keys only. Never returns the value.</summary>
    bool HasSecret(string key);
}
