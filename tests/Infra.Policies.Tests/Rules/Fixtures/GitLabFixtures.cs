using Infra.Policies.Rules.GitLab;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the GitLab rules: GitLab group memberships and who may own a group.</summary>
internal static class GitLabFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["gitlab owner: platform member passes"] = new(GitLabOwnerPlatformOnlyRule.Code, false, Production,
            [Resource(GroupMembership, "adupont-platform", """{"groupId":12,"userId":101,"accessLevel":"owner"}""")]),
        ["gitlab owner: payments maintainer passes"] = new(GitLabOwnerPlatformOnlyRule.Code, false, Production,
            [Resource(GroupMembership, "cmartin-payments", """{"groupId":14,"userId":233,"accessLevel":"maintainer"}""")]),
        ["gitlab owner: payments member as owner fails"] = new(GitLabOwnerPlatformOnlyRule.Code, true, Production,
            [Resource(GroupMembership, "cmartin-payments", """{"groupId":14,"userId":233,"accessLevel":"owner"}""")], "cmartin", PropertyPath: "accessLevel"),
        ["gitlab owner: the people component's platform membership passes by its name"] = new(GitLabOwnerPlatformOnlyRule.Code, false, Production,
            [Resource(GroupMembership, "people-gitlab-adupont-bank-platform", """{"groupId":12,"userId":5001,"accessLevel":"owner"}""")]),
        ["gitlab owner: the people component's payments membership as owner fails by its name"] = new(GitLabOwnerPlatformOnlyRule.Code, true, Production,
            [Resource(GroupMembership, "people-gitlab-cmartin-bank-payments", """{"groupId":14,"userId":5002,"accessLevel":"owner"}""")], "cmartin is Owner"),
        ["gitlab owner: unknown user as owner fails"] = new(GitLabOwnerPlatformOnlyRule.Code, true, Production,
            [Resource(GroupMembership, "someone", """{"groupId":14,"userId":999,"accessLevel":"owner"}""")], "user 999", PropertyPath: "accessLevel"),
    };
}
