namespace Infra.Blueprints.Definition;

/// <summary>
/// One Allow statement a service's instance role carries besides the platform's. A wildcard in an action or a
/// resource needs a written <see cref="Justification"/>, checked when the stack is loaded.
/// </summary>
public sealed record IamStatement(EquatableList<string> Actions, EquatableList<string> Resources, string? Justification)
{
    /// <summary>Whether any action or resource holds a wildcard (<c>*</c> or <c>?</c>).</summary>
    public bool HasWildcard => Actions.Concat(Resources).Any(IsWildcard);

    public static bool IsWildcard(string value) => value.AsSpan().IndexOfAny('*', '?') >= 0;
}
