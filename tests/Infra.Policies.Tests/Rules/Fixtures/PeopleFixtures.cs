using Infra.Policies.Rules.People;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the People rules: access that outlives a contract or a temporary grant.</summary>
internal static class PeopleFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["end date: membership expiring with the contract passes"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(GroupMembership, "cmurphy-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer","expiresAt":"2026-11-27"}""")]),
        ["end date: membership without expiry for a contractor fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "cmurphy-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer"}""")], "no expiresAt"),
        ["end date: leaver still member fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "dkelly-platform", """{"groupId":12,"userId":377,"accessLevel":"maintainer"}""")], "left on 2025-08-29"),
        ["end date: expiry after the contract fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "cmurphy-shared", """{"groupId":15,"userId":412,"accessLevel":"developer","expiresAt":"2027-01-31"}""")], "keeps cmurphy a member after their end date 2026-11-27"),
        ["end date: expiry the day after the last day passes (GitLab removes on the expiry day)"] = new(AccessPastEndDateRule.Code, false, Production,
            [Resource(GroupMembership, "people-gitlab-cmurphy-bank-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer","expiresAt":"2026-11-28"}""")]),
        ["end date: expiry two days after the last day fails"] = new(AccessPastEndDateRule.Code, true, Production,
            [Resource(GroupMembership, "people-gitlab-cmurphy-bank-platform", """{"groupId":12,"userId":412,"accessLevel":"maintainer","expiresAt":"2026-11-29"}""")], "expect 2026-11-28 at the latest"),
        ["grant: grant running until next week passes"] = new(TemporaryGrantExpiredRule.Code, false, Production,
            [Resource(GroupMembership, "cmartin-payments-db", """{"groupId":20,"userId":233,"accessLevel":"reporter","expiresAt":"2026-11-25"}""")]),
        ["grant: grant that expired in October fails"] = new(TemporaryGrantExpiredRule.Code, true, Production,
            [Resource(GroupMembership, "bfaure-cards-incident", """{"groupId":21,"userId":245,"accessLevel":"reporter","expiresAt":"2026-10-09"}""")], "expired on 2026-10-09"),
    };
}
