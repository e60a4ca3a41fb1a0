using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Blueprints.People;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.People;

/// <summary>
/// Temporary grants expire: a membership whose <c>expiresAt</c> has passed, or a person's VPN authorization whose
/// description says the grant ran until a day that has passed, must be gone from the program.
/// Flags: <c>new gitlab.GroupMembership("bfaure-cards-incident", { expiresAt: "2026-10-09" })</c> on 2026-11-22, and
/// <c>new aws.ec2clientvpn.AuthorizationRule("people-vpn-rule-grant-bfaure-10.60.0.0-16", { accessGroupId: "person-bfaure",
/// description: "bfaure reaches 10.60.0.0/16 until 2026-10-09 (grant approved by adupont)" })</c>, and a session grant's
/// <c>new aws.iam.RolePolicy(..., { name: "session-grant-bfaure", policy: ... "DateLessThan": { "aws:CurrentTime": "2026-10-10T00:00:00Z" } })</c>,
/// and a database grant's <c>new vault.database.SecretBackendRole(..., { name: "payments-db-grant-bfaure-read", creationStatements:
/// ["DO $grant$ BEGIN IF now() &gt;= TIMESTAMPTZ '2026-10-09 23:59:59+00' THEN RAISE ...", ...] })</c>.
/// </summary>
public sealed partial class TemporaryGrantExpiredRule : PolicyRule
{
    public const string Code = "people-temporary-grant-expired";

    public override string Id => Code;

    public override string Title => "Expired temporary grants are removed";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [.. Memberships.Types, TypeTokens.ClientVpnAuthorizationRule, TypeTokens.IamRolePolicy, TypeTokens.VaultDatabaseRole];

    private static readonly string SessionGrantPrefix = PeopleNames.SessionGrantPolicy("");

    public override string Rationale => "An expired grant still declared is re-created on the next update: the temporary access becomes permanent. "
        + "A VPN authorization has no expiry of its own: it lasts until a run removes it. "
        + "A session grant's policy stops working at its end (IAM's clock), but stays on the fleet's role until a run removes it. "
        + "A database grant's Vault role refuses new credentials after its end (the database's clock), but stays until a run removes it.";

    public override string Remediation => "Remove the grant from people.yaml; the next HR run removes the membership, the VPN authorization, the session grant's policy or the database grant's Vault role.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 7.2.4", "ISO 27001 A.5.18"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Type == TypeTokens.ClientVpnAuthorizationRule)
        {
            if (PeopleResources.VpnPerson(resource) is { } person
                && Until().Match(resource.Property("description").AsString() ?? "") is { Success: true } until
                && DateOnly.TryParseExact(until.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
                && last < context.Today)
            {
                yield return new PropertyIssue("description", $"the VPN grant of {person} to {resource.Property("targetNetworkCidr")} ran until {until.Groups["day"].Value} and its authorization is still declared");
            }
            yield break;
        }
        if (resource.Type == TypeTokens.IamRolePolicy)
        {
            if (resource.Property("name").AsString() is { } name && name.StartsWith(SessionGrantPrefix, StringComparison.Ordinal)
                && SessionGrantEnd(resource) is { } end && DateOnly.FromDateTime(end.UtcDateTime) < context.Today)
            {
                yield return new PropertyIssue("policy", $"the session grant {name} on role {resource.Property("role")} ended at {end.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC and is still declared");
            }
            yield break;
        }
        if (resource.Type == TypeTokens.VaultDatabaseRole)
        {
            var statements = resource.Property("creationStatements").Items;
            for (var i = 0; i < statements.Count; i++)
            {
                if (GrantEnd().Match(statements[i].AsString() ?? "") is { Success: true } end
                    && DateTimeOffset.TryParse(end.Groups["end"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    && DateOnly.FromDateTime(at.UtcDateTime) < context.Today)
                {
                    yield return new PropertyIssue($"creationStatements[{i}]", $"the database grant {resource.Property("name")} ended at {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC and its Vault role is still declared");
                }
            }
            yield break;
        }
        if (Memberships.ExpiresAt(resource) is { } expires && expires < context.Today)
        {
            var who = Memberships.Describe(resource, Memberships.PersonOf(resource, resources, context));
            yield return new PropertyIssue("expiresAt", $"the grant of {who} expired on {expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} and is still declared");
        }
    }

    /// <summary>The earliest <c>DateLessThan aws:CurrentTime</c> of the grant's policy: when IAM stops honouring it.</summary>
    private static DateTimeOffset? SessionGrantEnd(PolicyResource resource) =>
        PolicyDocument.Parse(resource.Property("policy")).Statements
            .SelectMany(s => s.Conditions)
            .Where(c => string.Equals(c.Operator, "DateLessThan", StringComparison.OrdinalIgnoreCase) && string.Equals(c.Key, "aws:CurrentTime", StringComparison.OrdinalIgnoreCase))
            .SelectMany(c => c.Values)
            .Select(v => DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null)
            .Where(at => at is not null)
            .Min();

    // The people blueprint's guard in a database grant's creation statements: "IF now() >= TIMESTAMPTZ '{end}' THEN RAISE ...".
    [GeneratedRegex(@"\bnow\(\) >= TIMESTAMPTZ '(?<end>[^']+)'")]
    private static partial Regex GrantEnd();

    // The people blueprint's description of a grant's rule: "{person} reaches {network} until {last day} (grant approved by {approver})".
    [GeneratedRegex(@"\buntil (?<day>\d{4}-\d{2}-\d{2})\b")]
    private static partial Regex Until();
}
