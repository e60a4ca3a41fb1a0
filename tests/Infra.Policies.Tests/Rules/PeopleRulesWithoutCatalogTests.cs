using Infra.Blueprints.Definition;
using Infra.Policies.Model;
using Infra.Policies.Rules;
using Infra.Policies.Rules.GitLab;
using Infra.Policies.Rules.People;
using Infra.Policies.Tests.Rules.Fixtures;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules;

/// <summary>
/// The people rules as the policy pack runs them: no catalog in the context, only the resources of the stack. The
/// person of a membership comes from its name and their window from their Vault entity's metadata.
/// </summary>
public sealed class PeopleRulesWithoutCatalogTests
{
    private static readonly PolicyContext Pack = new("production", EnvironmentKind.Production, Today);

    private static PolicyResource Entity(string person, string platform, string? accessEnds = null) => Resource(
        FixtureTypes.VaultEntity, $"people-entity-{person}",
        $$"""{"name":"{{person}}","metadata":{"managed-by":"infra-people","platform-team":"{{platform}}"{{(accessEnds is null ? "" : $",\"access-ends\":\"{accessEnds}\"")}}""" + "}}");

    private static PolicyResource Membership(string person, string group, string level, string? expiresAt = null) => Resource(
        FixtureTypes.GroupMembership, $"people-gitlab-{person}-{group.Replace('/', '-')}",
        $$"""{"groupId":12,"userId":5001,"accessLevel":"{{level}}"{{(expiresAt is null ? "" : $",\"expiresAt\":\"{expiresAt}\"")}}}""");

    private static List<RuleFinding> Evaluate(PolicyRule rule, params PolicyResource[] resources) =>
        [.. rule.Evaluate(new ResourceSet(resources), Pack)];

    [Fact]
    public void A_platform_owner_passes_by_the_entity_of_the_person_the_membership_names()
    {
        Assert.Empty(Evaluate(new GitLabOwnerPlatformOnlyRule(), Entity("adupont", "true"), Membership("adupont", "bank/platform", "owner")));
    }

    [Fact]
    public void An_owner_outside_the_platform_team_fails_by_the_entity_of_the_person()
    {
        var finding = Assert.Single(Evaluate(new GitLabOwnerPlatformOnlyRule(), Entity("cmartin", "false"), Membership("cmartin", "bank/payments", "owner")));

        Assert.Contains("cmartin is Owner but is not in the platform team", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_id_that_prefixes_another_is_told_apart()
    {
        var findings = Evaluate(new GitLabOwnerPlatformOnlyRule(), Entity("ab", "true"), Entity("abc", "false"), Membership("abc", "bank/platform", "owner"));

        Assert.Contains("abc is Owner", Assert.Single(findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_membership_expiring_after_the_end_in_the_entity_fails()
    {
        var finding = Assert.Single(Evaluate(new AccessPastEndDateRule(), Entity("cmurphy", "true", "2026-11-27"), Membership("cmurphy", "bank/platform", "maintainer", "2026-12-31")));

        Assert.Contains("keeps cmurphy a member after their end date 2026-11-27", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_membership_expiring_with_the_end_in_the_entity_passes()
    {
        Assert.Empty(Evaluate(new AccessPastEndDateRule(), Entity("cmurphy", "true", "2026-11-27"), Membership("cmurphy", "bank/platform", "maintainer", "2026-11-28")));
    }
}
