using Infra.Policies.Model;
using Infra.Policies.Rules.People;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.GitLab;

/// <summary>
/// Only platform team members are Owners of a GitLab group.
/// Flags: <c>new gitlab.GroupMembership("cmartin-payments", { accessLevel: "owner" })</c> for a member of payments.
/// </summary>
public sealed class GitLabOwnerPlatformOnlyRule : PolicyRule
{
    public const string Code = "gitlab-owner-platform-team-only";

    public override string Id => Code;

    public override string Title => "No GitLab Owner outside the platform team";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.GitLabGroupMembership];

    public override string Rationale => "Owners can change protected branches, CI variables and membership: the controls that make every change reviewed.";

    public override string Remediation => "Give maintainer; owners are the platform team, as teams.yaml entitles.";

    /// <summary>The whole stack: the person's window may come from their Vault entity, another resource.</summary>
    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 7.2.2", "ISO 27001 A.8.2", "ISO 27001 A.8.4"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (!string.Equals(resource.Property("accessLevel").AsString(), "owner", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var person = Memberships.PersonOf(resource, resources, context);
        if (person is null)
        {
            yield return new PropertyIssue("accessLevel", $"{Memberships.Describe(resource, null)} is Owner but is not a person of the catalog's platform team");
        }
        else if (!person.PlatformTeam)
        {
            yield return new PropertyIssue("accessLevel", $"{person.PersonId} is Owner but is not in the platform team");
        }
    }
}
