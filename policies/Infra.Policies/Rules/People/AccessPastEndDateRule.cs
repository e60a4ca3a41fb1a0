using System.Globalization;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.People;

/// <summary>
/// Nobody keeps access past the end of their contract: a leaver's GitLab memberships, Vault entity, Consul token,
/// VPN certificate and VPN authorizations are gone, and a membership of someone with an end date expires the day after it at the latest
/// (GitLab removes a member on the expiry day). The person and their end come from the resources themselves
/// (membership name, entity metadata, token description, certificate name, VPN authorization group) and the catalog when
/// the caller has it. A Consul token of someone with an end date expires by the end of that day.
/// Flags: <c>new gitlab.GroupMembership("people-gitlab-cmurphy-bank-platform", { userId: 412, accessLevel: "maintainer" })</c>
/// without <c>expiresAt</c> when cmurphy's contract ends on 2026-11-27.
/// </summary>
public sealed class AccessPastEndDateRule : PolicyRule
{
    public const string Code = "people-no-access-past-end-date";

    public override string Id => Code;

    public override string Title => "No access past a person's end date";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes => PeopleResources.Types;

    public override string Rationale => "Leavers are where access leaks; access must end with the contract without anyone editing files.";

    public override string Remediation => "Remove a leaver's memberships, entity, Consul token, VPN certificate and VPN authorizations; give every membership and Consul token of someone with an end date an expiry no later than it (the people blueprint does).";

    /// <summary>The whole stack: the person's window may come from their Vault entity, another resource.</summary>
    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 8.2.5", "ISO 27001 A.5.18", "ISO 27001 A.6.5", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Type == TypeTokens.VaultIdentityEntity && resource.Property("disabled").AsBoolean() == true)
        {
            yield break; // a leaver's entity kept disabled: Vault refuses its tokens and logins
        }
        var person = PeopleResources.Window(resource, resources, context);
        if (person?.EndDate is not { } end)
        {
            yield break;
        }

        var endText = Day(end);
        if (end < context.Today)
        {
            yield return new PropertyIssue(PeopleResources.PersonProperty(resource), $"{person.PersonId} left on {endText} and still has this {PeopleResources.Kind(resource)}");
            yield break;
        }
        if (resource.Type == TypeTokens.ConsulAclToken)
        {
            if (TokenOutlives(resource, end) is { } issue)
            {
                yield return issue with { Message = $"{person.PersonId}'s access ends on {endText} but {issue.Message}" };
            }
            yield break;
        }
        if (!Memberships.Types.Contains(resource.Type))
        {
            yield break;
        }
        var expires = Memberships.ExpiresAt(resource);
        if (expires is null)
        {
            yield return new PropertyIssue("expiresAt", $"{person.PersonId}'s access ends on {endText} but the membership has no expiresAt");
        }
        else if (expires > end.AddDays(1))
        {
            // GitLab removes a member on the expiry day: the last day of access is the day before.
            yield return new PropertyIssue("expiresAt", $"expiresAt {Day(expires.Value)} keeps {person.PersonId} a member after their end date {endText} (GitLab removes a member on the expiry day: expect {Day(end.AddDays(1))} at the latest)");
        }
    }

    /// <summary>What is wrong with the expiry of a token of someone whose last day is <paramref name="end"/>: it must expire by the end of that day (UTC).</summary>
    private static PropertyIssue? TokenOutlives(PolicyResource token, DateOnly end)
    {
        var expiration = token.Property("expirationTime");
        if (expiration.IsUnknown)
        {
            return null;
        }
        var latest = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (expiration.AsString() is not { Length: > 0 } text)
        {
            return new PropertyIssue("expirationTime", "the Consul token has no expirationTime: it works until someone deletes it");
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
        {
            return new PropertyIssue("expirationTime", $"expirationTime '{text}' is not an RFC 3339 time, so whether the token outlives the access cannot be judged");
        }
        return expires > latest
            ? new PropertyIssue("expirationTime", $"the Consul token expires at {text}, after {latest.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}")
            : null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
