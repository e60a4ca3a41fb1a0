using System.Globalization;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.People;

/// <summary>
/// Nobody keeps access past the end of their contract: a leaver's GitLab memberships, Vault entity, Consul token and
/// VPN certificate are gone, and a membership of someone with an end date expires the day after it at the latest
/// (GitLab removes a member on the expiry day). The person and their end come from the resources themselves
/// (membership name, entity metadata, token description, certificate name) and the catalog when the caller has it.
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

    public override string Remediation => "Remove a leaver's memberships, entity, Consul token and VPN certificate; give every membership of someone with an end date expiresAt on or before it (the people blueprint does).";

    /// <summary>The whole stack: the person's window may come from their Vault entity, another resource.</summary>
    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 8.2.5", "ISO 27001 A.5.18", "ISO 27001 A.6.5", "DORA Art. 9"];

    protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context)
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

        var endText = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (end < context.Today)
        {
            yield return $"{person.PersonId} left on {endText} and still has this {PeopleResources.Kind(resource)}";
            yield break;
        }
        if (!Memberships.Types.Contains(resource.Type))
        {
            yield break;
        }
        var expires = Memberships.ExpiresAt(resource);
        if (expires is null)
        {
            yield return $"{person.PersonId}'s access ends on {endText} but the membership has no expiresAt";
        }
        else if (expires > end.AddDays(1))
        {
            // GitLab removes a member on the expiry day: the last day of access is the day before.
            yield return $"expiresAt {expires.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} keeps {person.PersonId} a member after their end date {endText} (GitLab removes a member on the expiry day: expect {end.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} at the latest)";
        }
    }
}
