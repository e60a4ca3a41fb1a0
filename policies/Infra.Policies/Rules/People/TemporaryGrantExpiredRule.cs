using System.Globalization;
using Infra.Policies.Model;

namespace Infra.Policies.Rules.People;

/// <summary>
/// Temporary grants expire: a membership whose <c>expiresAt</c> has passed must be gone from the program.
/// Flags: <c>new gitlab.GroupMembership("bfaure-cards-incident", { expiresAt: "2026-10-09" })</c> on 2026-11-22.
/// </summary>
public sealed class TemporaryGrantExpiredRule : PolicyRule
{
    public const string Code = "people-temporary-grant-expired";

    public override string Id => Code;

    public override string Title => "Expired temporary grants are removed";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes => Memberships.Types;

    public override string Rationale => "An expired grant still declared is re-created on the next update: the temporary access becomes permanent.";

    public override string Remediation => "Remove the grant from people.yaml; the next HR run removes the membership.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 7.2.4", "ISO 27001 A.5.18"];

    protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (Memberships.ExpiresAt(resource) is { } expires && expires < context.Today)
        {
            var who = Memberships.Describe(resource, Memberships.PersonOf(resource, resources, context));
            yield return $"the grant of {who} expired on {expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} and is still declared";
        }
    }
}
