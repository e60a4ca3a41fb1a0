namespace Infra.Blueprints.Definition;

/// <summary>What an environment is for; production carries the stricter rules.</summary>
public enum EnvironmentKind
{
    Staging,
    Production,
}
