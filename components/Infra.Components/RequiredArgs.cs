namespace Infra.Components;

/// <summary>
/// The checks every component makes of its args at construction: a field the component cannot do
/// without (a blueprint, a provider) fails with a message that names the field, e.g. "[Vault] is required".
/// Every such error is an <see cref="ArgumentException"/> for the constructor's <c>args</c>.
/// </summary>
internal static class RequiredArgs
{
    /// <summary>Returns <paramref name="value"/>, or throws for <c>args</c> naming <paramref name="field"/> and what it is for.</summary>
    public static T Require<T>(T? value, string field, string purpose)
        where T : class =>
        value ?? throw Invalid($"[{field}] is required: {purpose}.");

    /// <summary>The error for args that are there but do not fit together; <paramref name="message"/> names the fields.</summary>
    public static ArgumentException Invalid(string message, string paramName = "args") => new(message, paramName);
}
