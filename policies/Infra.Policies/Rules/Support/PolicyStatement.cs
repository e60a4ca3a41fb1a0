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

    /// <summary>
    /// Whether a condition requires <paramref name="key"/> to hold given values: a positive string or ARN test (not its
    /// <c>Not</c> form, nor <c>...IfExists</c>, which passes when the key is absent) whose values are more than wildcards.
    /// <c>StringNotEquals aws:PrincipalOrgID</c>, <c>StringLike sts:ExternalId "*"</c> and <c>Null sts:ExternalId false</c> pin nothing.
    /// </summary>
    public bool Pins(string key) =>
        Conditions.Any(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase)
            && PinningOperators.Contains(c.Operator)
            && c.Values.Count > 0 && c.Values.All(v => v.Trim('*', '?').Length > 0));

    private static readonly HashSet<string> PinningOperators = new(StringComparer.OrdinalIgnoreCase)
    {
        "StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike",
    };

    /// <summary>Whether the statement allows <paramref name="action"/>: an action pattern matches it, or a <c>NotAction</c> leaves it out of its exceptions.</summary>
    public bool Grants(string action) =>
        HasNotAction
            ? !NotActions.Any(a => FileSystemName.MatchesSimpleExpression(a, action, ignoreCase: true))
            : ActionsMatching(action).Any();

    /// <summary>
    /// Every IAM role: every resource, or an IAM ARN whose resource part matches any role name
    /// (<c>arn:aws:iam::444455556666:role/*</c>, <c>arn:aws:iam::*:*</c>); <c>role/ledger-*</c> names some roles only.
    /// </summary>
    public bool CoversAllRoles => CoversAllResources || Resources.Any(IsEveryRole);

    public bool CoversEveryResourceOf(string service) => ResourceCoveringAllOf(service) is not null;

    /// <summary>The resource that names every resource of one service: an ARN of it whose resource part is wildcards only (<c>arn:aws:iam::444455556666:*</c>).</summary>
    public string? ResourceCoveringAllOf(string service) =>
        Resources.FirstOrDefault(r => r.Split(':', 6) is [var arn, _, var owner, _, _, var name] && arn == "arn"
            && FileSystemName.MatchesSimpleExpression(owner, service) && name.Trim('*').Length == 0);

    /// <summary>Whether the administrator rule reports this statement's <c>iam:*</c>: on every resource, or on every IAM resource.</summary>
    public bool AdministersIam => CoversAllResources || CoversEveryResourceOf("iam");

    /// <summary>The resource element as a message names it when it covers every role.</summary>
    public string RoleElement => CoversAllResources ? ResourceElement : $"every role ('{Resources.First(IsEveryRole)}')";

    private static bool IsEveryRole(string resource) =>
        resource.Split(':', 6) is [var arn, _, var service, _, _, var name] && arn == "arn"
        && FileSystemName.MatchesSimpleExpression(service, "iam") && FileSystemName.MatchesSimpleExpression(name, "role/a-role-nobody-names");

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
