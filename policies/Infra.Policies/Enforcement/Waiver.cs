using System.Text.RegularExpressions;
using Infra.Policies.Model;

namespace Infra.Policies.Enforcement;

/// <summary>
/// An approved, time-boxed exception: rule <see cref="RuleId"/> does not fail for resources whose URN matches
/// <see cref="Resource"/> (an exact URN or a glob with <c>*</c> and <c>?</c>) up to and including <see cref="Expires"/>.
/// </summary>
public sealed record Waiver(string RuleId, string Resource, string Justification, string Approver, DateOnly Expires, string File, int Line)
{
    private Regex? _pattern;

    public bool IsExpiredOn(DateOnly day) => Expires < day;

    public bool Matches(string urn) => Pattern.IsMatch(urn);

    /// <summary>Whether the waiver can concern <paramref name="stack"/>: a URN pattern names its stack; another pattern concerns every stack.</summary>
    public bool ConcernsStack(string stack)
    {
        var stackPart = ResourceUrn.StackOf(Resource);
        return stackPart is null || ToRegex(stackPart).IsMatch(stack);
    }

    private Regex Pattern => _pattern ??= ToRegex(Resource);

    private static Regex ToRegex(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
