using System.IO.Enumeration;

namespace Infra.Policies.Rules.Support;

/// <summary>
/// One statement of an IAM policy document with the elements the rules judge. <c>NotAction</c> and <c>NotResource</c>
/// grant everything but what they list, so a statement that has them is treated as covering every action or resource.
/// </summary>
internal sealed record PolicyStatement(
    int Index,
    string Effect,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> NotActions,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> NotResources,
    IReadOnlyList<PolicyPrincipal> Principals,
    IReadOnlyList<PolicyCondition> Conditions)
{
    public bool IsAllow => string.Equals(Effect, "Allow", StringComparison.OrdinalIgnoreCase);

    public bool HasNotAction => NotActions.Count > 0;

    public bool HasNotResource => NotResources.Count > 0;

    /// <summary>Every resource: <c>Resource: "*"</c> (or an ARN of wildcards only), or any <c>NotResource</c>.</summary>
    public bool CoversAllResources => HasNotResource || Resources.Any(IsAllResources);

    /// <summary>The resource element as a message names it.</summary>
    public string ResourceElement => HasNotResource ? "NotResource (every resource but a few)" : "Resource '*'";

    /// <summary>The action patterns that grant every action of a service (<c>s3:*</c>, <c>*</c>, <c>i*:*</c>).</summary>
    public IEnumerable<string> WholeServiceActions(string service) =>
        Actions.Where(a => GrantsWholeService(a, service));

    /// <summary>The action patterns that match one action, e.g. <c>iam:PassRole</c> (IAM actions ignore case).</summary>
    public IEnumerable<string> ActionsMatching(string action) =>
        Actions.Where(a => FileSystemName.MatchesSimpleExpression(a, action, ignoreCase: true));

    public bool HasCondition(string key) => Conditions.Any(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a test of <paramref name="key"/> with this operator requires exactly this value (e.g. <c>Bool aws:SecureTransport false</c>).</summary>
    public bool Requires(string conditionOperator, string key, string value) =>
        Conditions.Any(c => string.Equals(c.Operator, conditionOperator, StringComparison.OrdinalIgnoreCase)
            && string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase)
            && c.Values.Count == 1 && string.Equals(c.Values[0], value, StringComparison.OrdinalIgnoreCase));

    public static bool IsAllResources(string resource) =>
        resource == "*" || (resource.StartsWith("arn:", StringComparison.Ordinal) && resource[4..].Split(':').All(p => p is "*" or "" or "aws"));

    private static bool GrantsWholeService(string pattern, string service)
    {
        if (pattern == "*")
        {
            return true;
        }

        var colon = pattern.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && pattern.AsSpan(colon + 1) is "*" && FileSystemName.MatchesSimpleExpression(pattern.AsSpan(0, colon), service, ignoreCase: true);
    }
}
