using Infra.Blueprints.Definition;
using Infra.Blueprints.People;

namespace Infra.Blueprints.Tests.People;

/// <summary>HR only requests a privileged team; a member of it approves the membership in people.yaml, and validation checks the approval.</summary>
public sealed class PrivilegedTeamTests
{
    private static readonly EquatableList<PersonDefinition> People = Roster.Staging.Catalog.People;
    private static readonly HashSet<string> Privileged = Roster.Staging.Catalog.Teams.Where(t => t.IsPrivileged).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
    private static readonly HashSet<string> TeamIds = Roster.Staging.Catalog.Teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
    private static readonly AccessApprovers Approvers = AccessApprovers.Of(Roster.Staging);

    [Fact]
    public void Only_the_platform_team_of_the_repository_is_privileged()
    {
        Assert.Equal(["platform"], Privileged);
    }

    [Fact]
    public void A_hire_into_the_platform_team_is_only_a_request_and_gives_no_platform_access()
    {
        var result = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.Hire(teams: "\"platform\", \"payments\"")), HrEvents.Now, Privileged);

        var jdoe = result.People.Single(p => p.Id == "jdoe");
        Assert.Equal(["payments"], jdoe.Teams);
        Assert.Equal(["platform"], jdoe.RequestedTeams);
        var definition = Roster.Staging with { Catalog = Roster.Staging.Catalog with { People = result.People } };
        Assert.DoesNotContain(AccessCalculator.Calculate(definition, new DateOnly(2026, 12, 1)).Entries, e => e.Person == "jdoe" && e.Teams.Contains("platform"));
        Assert.DoesNotContain(PeopleCatalogChecks.Validate(PeopleYaml.Write(result.People), TeamIds, Approvers), d => d.IsError);
    }

    [Fact]
    public void A_team_change_into_the_platform_team_waits_for_approval_and_one_out_of_it_takes_the_approval_away()
    {
        var into = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.TeamChange(teams: "\"platform\"")), HrEvents.Now, Privileged);
        var outOf = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.TeamChange(person: "rdoyle", teams: "\"payments\"")), HrEvents.Now, Privileged);
        var stays = HrEventApplier.Apply(People, HrEvents.Read(HrEvents.TeamChange(person: "rdoyle", teams: "\"platform\", \"payments\"")), HrEvents.Now, Privileged);

        var hlambert = into.People.Single(p => p.Id == "hlambert");
        Assert.Empty(hlambert.Teams);
        Assert.Equal(["platform"], hlambert.RequestedTeams);
        var moved = outOf.People.Single(p => p.Id == "rdoyle");
        Assert.Equal(["payments"], moved.Teams);
        Assert.Empty(moved.Approvals);
        Assert.Equal(["platform", "payments"], stays.People.Single(p => p.Id == "rdoyle").Teams);
        Assert.Single(stays.People.Single(p => p.Id == "rdoyle").Approvals);
    }

    [Fact]
    public void Requested_teams_and_approvals_round_trip_in_canonical_form()
    {
        var person = Roster.Person("jdoe", new DateOnly(2026, 12, 1)) with
        {
            Teams = ["platform"],
            RequestedTeams = ["payments"],
            Approvals = [new TeamApproval("platform", "adupont", new DateOnly(2026, 12, 6))],
        };
        var text = PeopleYaml.Write([person]);

        Assert.Contains("    teams: [platform]\n    requestedTeams: [payments]\n    approvals:\n      - { team: platform, approver: adupont, date: 2026-12-06 }\n    contract: employee\n", text, StringComparison.Ordinal);
        var (_, lines) = PeopleYaml.Layout([person]);
        Assert.Equal(lines["people[0].approvals[0]"], lines["people[0].approvals[0].approver"]);
    }

    public static TheoryData<string, string, string, string> Refusals => new()
    {
        { "no approval", "platform", "", "people[1].teams[0]: 'platform' is a privileged team" },
        { "self-approval", "platform", "jdoe", "people[1].approvals[0].approver: 'jdoe' cannot approve their own membership of 'platform'" },
        { "approver outside the team", "platform", "cmartin", "people[1].approvals[0].approver: 'cmartin' (teams payments) is not a member of 'platform'" },
        { "unknown approver", "platform", "nobody", "people[1].approvals[0].approver: 'nobody' is not a person of people.yaml" },
        { "approver not started on the approval's date", "platform", "late", "people[1].approvals[0].approver: 'late' starts on 2026-12-07, after the approval's date 2026-12-06" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_privileged_membership_without_an_approval_by_another_member_is_refused(string because, string team, string approver, string error)
    {
        var jdoe = Roster.Person("jdoe", new DateOnly(2026, 12, 1), team: team) with
        {
            Approvals = approver.Length == 0 ? [] : [new TeamApproval(team, approver, new DateOnly(2026, 12, 6))],
        };
        var text = PeopleYaml.Write([
            jdoe,
            Roster.Person("cmartin", new DateOnly(2022, 4, 1)),
            Roster.Person("late", new DateOnly(2026, 12, 7), team: "platform") with { Approvals = [new TeamApproval("platform", "jdoe", new DateOnly(2026, 12, 7))] },
        ]);

        var errors = PeopleCatalogChecks.Validate(text, TeamIds, Approvers).Where(d => d.IsError).Select(d => $"{d.KeyPath}: {d.Message}").ToList();

        Assert.True(errors.Count == 1 && errors[0].StartsWith(error, StringComparison.Ordinal), because + ": " + string.Join("; ", errors));
    }

    [Fact]
    public void An_approval_by_another_member_of_the_team_is_accepted()
    {
        var text = PeopleYaml.Write([
            Roster.Person("adupont", new DateOnly(2016, 9, 5), team: "platform") with { Approvals = [new TeamApproval("platform", "jdoe", new DateOnly(2026, 12, 6))] },
            Roster.Person("jdoe", new DateOnly(2026, 12, 1), team: "platform") with { Approvals = [new TeamApproval("platform", "adupont", new DateOnly(2026, 12, 6))] },
        ]);

        Assert.Empty(PeopleCatalogChecks.Validate(text, TeamIds, Approvers));
    }
}
