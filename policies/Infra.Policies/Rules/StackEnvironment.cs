namespace Infra.Policies.Rules;

/// <summary>The two environments: <c>staging</c> (integration) and <c>production</c>.</summary>
public enum StackEnvironment
{
    Staging,
    Production,
}
